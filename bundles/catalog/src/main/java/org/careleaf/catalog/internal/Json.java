package org.careleaf.catalog.internal;

import java.io.IOException;
import java.util.Locale;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

/** The one Gson setup for Careleaf documents: enums are written as lower-case words ("callout"). */
public final class Json {

    public static final Gson GSON = new GsonBuilder()
            .registerTypeAdapterFactory(new LowerCaseEnums())
            .disableHtmlEscaping()
            .create();

    private Json() {
    }

    /** {@code CLINICAL_REVIEW} is {@code "clinical-review"} in JSON. */
    public static String enumName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static final class LowerCaseEnums implements TypeAdapterFactory {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public <T> TypeAdapter<T> create(Gson gson, com.google.gson.reflect.TypeToken<T> type) {
            Class<? super T> raw = type.getRawType();
            if (!raw.isEnum()) {
                return null;
            }
            return (TypeAdapter<T>) new EnumAdapter((Class<? extends Enum>) raw);
        }
    }

    private static final class EnumAdapter<E extends Enum<E>> extends TypeAdapter<E> {
        private final Class<E> type;

        EnumAdapter(Class<E> type) {
            this.type = type;
        }

        @Override
        public void write(JsonWriter out, E value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(enumName(value));
            }
        }

        @Override
        public E read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            String s = in.nextString();
            for (E e : type.getEnumConstants()) {
                if (enumName(e).equals(s)) {
                    return e;
                }
            }
            // the validator reports unknown values with their path before conversion runs
            throw new IOException("unknown " + type.getSimpleName() + " '" + s + "'");
        }
    }
}
