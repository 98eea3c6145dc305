package org.creativecities.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Lighthouse section's report: one row per page and preset, the median of each figure over the runs. */
class LighthouseBenchTest {

    private static JsonObject run(String page, String preset, double performance, double lcp, double cls) {
        return Json.createObjectBuilder().add("page", page).add("preset", preset)
                .add("scores", Json.createObjectBuilder().add("performance", performance).add("accessibility", 1)
                        .add("best-practices", 1).add("seo", 1))
                .add("lcp", lcp).add("fcp", 900).add("tbt", 40).add("cls", cls).add("requests", 30).build();
    }

    @Test
    void eachPageAndPresetGetsTheMedianOfItsRuns() {
        List<Map<String, String>> rows = LighthouseBench.medians(List.of(
                run("city", "mobile", 0.91, 2500, 0.001), run("city", "mobile", 0.97, 1800, 0),
                run("city", "mobile", 0.95, 2100, 0.004), run("city", "desktop", 0.99, 700, 0)));
        assertEquals(2, rows.size());
        Map<String, String> mobile = rows.stream().filter(r -> r.get("preset").equals("mobile")).findFirst()
                .orElseThrow();
        assertEquals("95", mobile.get("performance"));
        assertEquals("2100", mobile.get("lcp"));
        assertEquals("0.001", mobile.get("cls"));
        assertEquals("100", mobile.get("seo"));

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("runs", 3);
        result.put("seconds", 60);
        result.put("loadAverage", "1.00 1.00 1.00 1/100 1");
        result.put("rows", rows);
        String md = LighthouseBench.markdown(result);
        assertTrue(md.contains("| city | mobile | 95 | 100 | 100 | 100 | 2100 | 900 | 40 | 0.001 | 30 |"), md);
        assertTrue(md.contains("load average when they started: 1.00 1.00 1.00"), md);
    }
}
