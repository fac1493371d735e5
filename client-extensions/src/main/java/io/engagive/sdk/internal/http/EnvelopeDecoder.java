package io.engagive.sdk.internal.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engagive.sdk.transport.TransportResponse;
import io.engagive.sdk.generated.model.ApiResponse;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes 2xx bodies into the generated models after checking they are the Engagive envelope and
 * that it does not say {@code success: false}; anything else becomes a typed exception.
 */
final class EnvelopeDecoder {

    private final ObjectMapper mapper;
    private final ErrorClassifier classifier;
    private final Map<Type, EnvelopeModel> models = new ConcurrentHashMap<>();
    private final int maxBodyBytes;

    /**
     * Creates the decoder.
     *
     * @param mapper the JSON mapper for the models
     * @param classifier turns failures into typed exceptions
     * @param maxBodyBytes the largest success body accepted
     */
    EnvelopeDecoder(ObjectMapper mapper, ErrorClassifier classifier, int maxBodyBytes) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Returns the most bytes of a 2xx body that are read.
     *
     * @return the configured limit
     */
    int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Decodes a 2xx body into what the generated method returns: its model, or an {@link ApiResponse} with the
     * status and headers too.
     *
     * @param attempt the attempt the response answers
     * @param response the response
     * @param body the body, read up to {@link #maxBodyBytes()}
     * @param type the generated method's return type
     * @return the decoded value
     */
    Object decode(Attempt attempt, TransportResponse response, BoundedBody body, Type type) {
        boolean withHttpInfo = type instanceof ParameterizedType parameterized
                && parameterized.getRawType() == ApiResponse.class;
        Type modelType = withHttpInfo ? ((ParameterizedType) type).getActualTypeArguments()[0] : type;
        Object model = decodeModel(attempt, response, body, modelType);
        return withHttpInfo ? new ApiResponse<>(response.status(),
                Collections.<String, Collection<String>>unmodifiableMap(response.headers()), model) : model;
    }

    private Object decodeModel(Attempt attempt, TransportResponse response, BoundedBody body, Type modelType) {
        if (body.truncated()) {
            throw classifier.unexpectedBody(attempt, response, body,
                    "The body is larger than the configured limit of " + maxBodyBytes + " bytes.");
        }
        if (body.isEmpty()) {
            throw classifier.unexpectedBody(attempt, response, body,
                    "The body is empty where the JSON envelope was expected.");
        }
        EnvelopeModel model = models.computeIfAbsent(modelType, type -> EnvelopeModel.of(mapper, type));
        Object value = null;
        Exception bindFailure = null;
        try {
            value = model.read(body.bytes());
        } catch (IOException | IllegalArgumentException e) {
            bindFailure = e;
        }
        if (bindFailure == null && model.plainlySuccessful(value)) {
            return value;
        }
        Shape shape;
        try {
            shape = shapeOf(body.bytes());
        } catch (IOException e) {
            throw classifier.unexpectedBody(attempt, response, body, "The body is not JSON (or is truncated JSON).");
        }
        if (shape == Shape.NOT_AN_OBJECT) {
            throw classifier.unexpectedBody(attempt, response, body, "The body is JSON but not the envelope object.");
        }
        if (shape == Shape.MORE_AFTER_IT) {
            throw classifier.unexpectedBody(attempt, response, body,
                    "The body has more content after the JSON envelope.");
        }
        if (shape == Shape.FAILURE) {
            throw classifier.fromFailedEnvelope(attempt, response, body);
        }
        if (bindFailure != null) {
            throw classifier.unexpectedBody(attempt, response, body,
                    "The envelope's fields do not have the documented types (" + bindFailure.getClass().getSimpleName()
                            + ").");
        }
        return value;
    }

    /** What a body is, judged from its top-level fields in one streaming pass that builds no tree. */
    private enum Shape {
        NOT_AN_OBJECT, MORE_AFTER_IT, FAILURE, SUCCESS
    }

    /**
     * A 2xx envelope failed when {@code success} is {@code false}, or when {@code success} is
     * absent and it carries an {@code error} but no {@code data}.
     */
    private Shape shapeOf(byte[] body) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                drain(parser);
                return Shape.NOT_AN_OBJECT;
            }
            Boolean success = null;
            boolean hasError = false;
            boolean hasData = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("success".equals(field) && value.isBoolean()) {
                    success = value == JsonToken.VALUE_TRUE;
                } else if ("error".equals(field)) {
                    hasError = value != JsonToken.VALUE_NULL
                            && !(value == JsonToken.VALUE_STRING && parser.getText().isBlank());
                } else if ("data".equals(field)) {
                    hasData = true;
                }
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                drain(parser);
                return Shape.MORE_AFTER_IT;
            }
            if (success != null) {
                return success ? Shape.SUCCESS : Shape.FAILURE;
            }
            return hasError && !hasData ? Shape.FAILURE : Shape.SUCCESS;
        }
    }

    private static void drain(JsonParser parser) throws IOException {
        while (parser.nextToken() != null) {
            parser.skipChildren();
        }
    }

    @Override
    public String toString() {
        return "EnvelopeDecoder{maxBodyBytes=" + maxBodyBytes + "}";
    }
}
