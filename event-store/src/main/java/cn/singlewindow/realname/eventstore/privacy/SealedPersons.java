package cn.singlewindow.realname.eventstore.privacy;

import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * How persons appear in stored events: the records that name a person ({@link AccountOwner},
 * {@link LegalRepresentative}) keep their document type and validity dates in clear, while the name and document
 * number move into one value sealed with the person's key. Events written before sealing existed still read.
 */
@Component
public class SealedPersons {

    static final String SEALED_FIELD = "sealedPersonalData";
    static final String ERASED_FIELD = "personalDataErased";
    private static final List<String> PERSONAL_FIELDS = List.of("name", "documentNumber");

    private final PersonalDataVault vault;

    SealedPersons(PersonalDataVault vault) {
        this.vault = vault;
    }

    /** For the event serializer's object mapper; {@code plain} is the same mapper without this module. */
    public SimpleModule module(ObjectMapper plain) {
        SimpleModule module = new SimpleModule("sealed-persons");
        register(module, plain, AccountOwner.class, AccountOwner::documentType, AccountOwner::documentNumber);
        register(module, plain, LegalRepresentative.class, LegalRepresentative::documentType,
                LegalRepresentative::documentNumber);
        return module;
    }

    /**
     * A stored payload's tree with every sealed value opened in place, or replaced by {@code personalDataErased:
     * true} where the key is gone: for reading history as raw JSON (the audit trail).
     */
    public JsonNode opened(JsonNode payload, ObjectMapper json) {
        if (payload instanceof ObjectNode object) {
            ObjectNode copy = object.deepCopy();
            openInPlace(copy, json, true);
            return copy;
        }
        return payload;
    }

    private <T> void register(SimpleModule module, ObjectMapper plain, Class<T> type,
                              Function<T, DocumentType> documentType, Function<T, String> documentNumber) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator out, SerializerProvider serializers) throws IOException {
                ObjectNode node = plain.valueToTree(value);
                String personRef = vault.of(documentType.apply(value), documentNumber.apply(value));
                if (personRef != null) {
                    ObjectNode personal = plain.createObjectNode();
                    PERSONAL_FIELDS.forEach(field -> personal.set(field, node.remove(field)));
                    PersonalDataVault.Sealed sealed = vault.seal(personRef, plain.writeValueAsBytes(personal));
                    node.set(SEALED_FIELD, plain.valueToTree(sealed));
                }
                out.writeTree(node);
            }
        });
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser in, DeserializationContext context) throws IOException {
                ObjectNode node = in.readValueAsTree();
                openInPlace(node, plain, false);
                return plain.treeToValue(node, type);
            }
        });
    }

    private void openInPlace(ObjectNode node, ObjectMapper json, boolean markErased) {
        JsonNode sealedNode = node.remove(SEALED_FIELD);
        if (sealedNode != null) {
            PersonalDataVault.Sealed sealed = new PersonalDataVault.Sealed(sealedNode.path("keyId").asText(),
                    sealedNode.path("sealed").asText());
            Optional<byte[]> plaintext = vault.open(sealed);
            if (plaintext.isPresent()) {
                node.setAll((ObjectNode) read(json, plaintext.get()));
            } else if (markErased) {
                node.put(ERASED_FIELD, true);
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            if (fields.next().getValue() instanceof ObjectNode child) {
                openInPlace(child, json, markErased);
            }
        }
    }

    private static JsonNode read(ObjectMapper json, byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
