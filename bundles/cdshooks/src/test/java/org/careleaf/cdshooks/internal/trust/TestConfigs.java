package org.careleaf.cdshooks.internal.trust;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Configuration annotations as DS would hand them to a component: the values given, else the defaults. */
public final class TestConfigs {

    private TestConfigs() {
    }

    public static TrustConfig trust(Map<String, Object> values) {
        return of(TrustConfig.class, values);
    }

    public static ClientConfig client(Map<String, Object> values) {
        return of(ClientConfig.class, values);
    }

    @SuppressWarnings("unchecked")
    static <A> A of(Class<A> type, Map<String, Object> values) {
        return (A) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> type.getSimpleName() + values;
                };
            }
            if (m.getName().equals("annotationType")) {
                return type;
            }
            if (values.containsKey(m.getName())) {
                return values.get(m.getName());
            }
            Object d = m.getDefaultValue();
            if (d == null && m.getDeclaringClass() == type) {
                throw new IllegalStateException(m.getName() + " has no default; give it in the test");
            }
            return d;
        });
    }
}
