package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md and the configuration metadata the build generates from the settings records (every module's
 * META-INF/spring-configuration-metadata.json) name the same realname.* keys with the same defaults.
 */
class ConfigurationDocumentTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(realname\\.[^`]+)` \\| (?:`([^`]*)`)? *\\|",
            Pattern.MULTILINE);

    /** Key to default ("" when none), from the metadata; map-typed keys end with ".". */
    private static Map<String, String> metadata() throws IOException {
        Map<String, String> keys = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (URL url : Collections.list(ConfigurationDocumentTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.path("name").asText();
                    if (name.startsWith("realname.")) {
                        boolean map = property.path("type").asText().startsWith("java.util.Map");
                        keys.put(map ? name + "." : name, defaultOf(property.path("defaultValue")));
                    }
                }
            }
        }
        return keys;
    }

    private static String defaultOf(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            StringBuilder joined = new StringBuilder();
            value.forEach(item -> joined.append(joined.isEmpty() ? "" : ",").append(item.asText()));
            return joined.toString();
        }
        return value.asText();
    }

    /** Key to default, from the document's tables; a map's rows ({@code banks.<BANK>.url}) count for the map. */
    private static Map<String, String> documented() throws IOException {
        Map<String, String> keys = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("..", "docs", "configuration.md")));
        while (row.find()) {
            String key = row.group(1);
            int placeholder = key.indexOf(".<");
            keys.put(placeholder < 0 ? key : key.substring(0, placeholder + 1),
                    row.group(2) == null ? "" : row.group(2));
        }
        return keys;
    }

    @Test
    void the_document_names_every_key_of_the_metadata_with_its_default_and_no_other() throws IOException {
        Map<String, String> metadata = metadata();
        assertThat(metadata).as("realname.* keys in the generated metadata").hasSizeGreaterThan(60)
                .containsKeys("realname.data-dir", "realname.http.max-waiting", "realname.bank-ukey.banks.cmbc.url");
        assertThat(documented()).isEqualTo(metadata);
    }
}
