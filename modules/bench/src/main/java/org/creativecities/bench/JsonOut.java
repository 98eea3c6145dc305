package org.creativecities.bench;

import java.util.Collection;
import java.util.Map;

/** Writes the report's maps, lists, numbers and strings as JSON (numeric-looking strings become numbers). */
final class JsonOut {

    private JsonOut() {
    }

    static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, "");
        return b.toString();
    }

    private static void write(StringBuilder b, Object v, String indent) {
        if (v instanceof Map<?, ?> map) {
            b.append("{");
            String inner = indent + "  ";
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                b.append(first ? "\n" : ",\n").append(inner);
                string(b, String.valueOf(e.getKey()));
                b.append(": ");
                write(b, e.getValue(), inner);
                first = false;
            }
            b.append(first ? "}" : "\n" + indent + "}");
        } else if (v instanceof Collection<?> list) {
            b.append("[");
            String inner = indent + "  ";
            boolean first = true;
            for (Object o : list) {
                b.append(first ? "\n" : ",\n").append(inner);
                write(b, o, inner);
                first = false;
            }
            b.append(first ? "]" : "\n" + indent + "]");
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            b.append(Double.isNaN(d) || Double.isInfinite(d) ? "null" : n.toString());
        } else if (v instanceof Boolean) {
            b.append(v);
        } else if (v == null) {
            b.append("null");
        } else {
            String s = v.toString();
            if (s.matches("-?[0-9]+(\\.[0-9]+)?")) {
                b.append(s);
            } else if (s.equals("true") || s.equals("false")) {
                b.append(s);
            } else {
                string(b, s);
            }
        }
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
