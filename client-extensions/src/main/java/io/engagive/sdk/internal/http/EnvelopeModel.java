package io.engagive.sdk.internal.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * How one generated model type is read (its reader made once, refusing anything after the JSON
 * value), and whether a decoded value is plainly a successful envelope: {@code success} decoded as
 * {@code true} and {@code data} present. Only such a value skips the envelope check's separate pass.
 */
final class EnvelopeModel {

    private final ObjectReader reader;
    private final MethodHandle success;
    private final MethodHandle data;

    private EnvelopeModel(ObjectReader reader, MethodHandle success, MethodHandle data) {
        this.reader = reader;
        this.success = success;
        this.data = data;
    }

    /** The reading of a model type; a type without {@code getSuccess()} and {@code getData()} is never plainly successful. */
    static EnvelopeModel of(ObjectMapper mapper, Type type) {
        JavaType javaType = mapper.constructType(type);
        ObjectReader reader = mapper.readerFor(javaType).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        Class<?> raw = javaType.getRawClass();
        return new EnvelopeModel(reader, getter(raw, "getSuccess"), getter(raw, "getData"));
    }

    private static MethodHandle getter(Class<?> type, String name) {
        try {
            Method method = type.getMethod(name);
            return MethodHandles.publicLookup().unreflect(method);
        } catch (NoSuchMethodException | IllegalAccessException absent) {
            return null;
        }
    }

    /** Reads a whole body as the model; trailing content after the JSON value is a failure. */
    Object read(byte[] body) throws IOException {
        return reader.readValue(body);
    }

    /** Whether a decoded value says {@code success: true} and carries {@code data}. */
    boolean plainlySuccessful(Object value) {
        if (value == null || success == null || data == null) {
            return false;
        }
        try {
            return Objects.equals(success.invoke(value), Boolean.TRUE) && data.invoke(value) != null;
        } catch (Error error) {
            throw error;
        } catch (Throwable getterFailed) {
            return false;
        }
    }
}
