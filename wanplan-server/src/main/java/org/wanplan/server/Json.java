package org.wanplan.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * The server's one configured Jackson mapper: request bodies are read strictly (trailing tokens are an
 * error; {@link JsonRequest} refuses unknown fields), response records are written with their components
 * in order and an empty {@code Optional} left out.
 */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {}

    /** JSON the server wrote itself (a stored design's result), as a tree; decimals kept exact. */
    static JsonNode parse(String json) {
        try {
            return MAPPER.reader()
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not read back: " + e.getOriginalMessage(), e);
        }
    }

    /** A response record (or any value) as a JSON tree. */
    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
