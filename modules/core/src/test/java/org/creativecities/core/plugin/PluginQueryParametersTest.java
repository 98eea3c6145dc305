package org.creativecities.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginQueryParametersTest {

    @Test
    void decodesRepeatedAndEncodedParameters() {
        assertEquals(Map.of("a", List.of("1", "2"), "b", List.of("x y"), "c", List.of(""), "é", List.of("&")),
                PluginQueryParameters.parse("a=1&b=x%20y&a=2&c&%C3%A9=%26"));
        assertEquals(Map.of(), PluginQueryParameters.parse(null));
        assertEquals(Map.of(), PluginQueryParameters.parse("&&"));
    }
}
