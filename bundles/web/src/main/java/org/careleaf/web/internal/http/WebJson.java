package org.careleaf.web.internal.http;

import java.io.IOException;
import java.util.Locale;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

/** Gson as the web surfaces write it: enums as lower-case words, as in the content files. */
public final class WebJson {

    public static final Gson GSON = new GsonBuilder()
            .registerTypeAdapterFactory(new TypeAdapterFactory() {
                @Override
                @SuppressWarnings("unchecked")
                public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
                    return type.getRawType().isEnum() ? (TypeAdapter<T>) ENUMS : null;
                }
            })
            .disableHtmlEscaping()
            .create();

    private static final TypeAdapter<Enum<?>> ENUMS = new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, Enum<?> value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(name(value));
            }
        }

        @Override
        public Enum<?> read(JsonReader in) {
            throw new UnsupportedOperationException("the web surfaces only write Careleaf documents");
        }
    };

    private WebJson() {
    }

    public static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
