package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.generated.api.MessagesApi;
import io.engagive.sdk.generated.api.TemplateContentsApi;
import io.engagive.sdk.generated.api.TemplateLookupsApi;
import io.engagive.sdk.generated.api.TemplatesApi;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.TestTokens;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever a path argument holds ({@code %2F}, {@code %2e%2e}, {@code %5C}, {@code %252F},
 * Unicode look-alikes, anything), for every path parameter of every operation, GET and POST: the
 * path the server routes has exactly the spec's segments and the argument decodes back to itself,
 * or the call is refused before anything is sent.
 */
class PathArgumentPropertiesTest {

    private static LoopbackServer server;
    private static EngagiveClient engagive;

    @BeforeContainer
    static void start() {
        server = LoopbackServer.start();
        server.otherwise(request -> Reply.json(200, "{\"success\":true}"));
        engagive = EngagiveClient.builder().baseUrl(server.baseUrl()).token(TestTokens.valid())
                .readTimeout(Duration.ofSeconds(5)).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    /** One path parameter of one generated method. */
    record PathParameter(Object api, Method method, int index) {
        @Override
        public String toString() {
            return method.getName() + "#" + index;
        }
    }

    @Property(tries = 1500)
    void theServerRoutesExactlyTheSpecsSegments(@ForAll("pathParameters") PathParameter parameter,
            @ForAll("hostileValues") String value) throws Exception {
        server.reset();
        Object[] args = arguments(parameter.method(), parameter.index(), value);
        try {
            parameter.method().invoke(parameter.api(), args);
        } catch (InvocationTargetException thrown) {
            Throwable cause = thrown.getCause();
            if (cause instanceof IllegalArgumentException) {
                assertThat(server.received()).isEmpty();
                return;
            }
            assertThat(cause).isInstanceOf(EngagiveException.class);
        }
        assertThat(server.received()).hasSize(1);
        String template = "/api/business/public" + requestPath(parameter.method());
        List<String> expected = Arrays.asList(template.split("/", -1));
        List<String> routed = Arrays.asList(server.received().get(0).path().split("/", -1));
        assertThat(routed).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            String segment = expected.get(i);
            String decoded = percentDecode(routed.get(i));
            if (segment.equals("{" + paramName(parameter.method(), parameter.index()) + "}")) {
                assertThat(decoded).isEqualTo(value);
            } else if (segment.startsWith("{")) {
                assertThat(decoded).isEqualTo("1");
            } else {
                assertThat(decoded).isEqualTo(segment);
            }
        }
    }

    @Provide
    Arbitrary<PathParameter> pathParameters() {
        List<PathParameter> all = new ArrayList<>();
        for (Object api : List.of(engagive.templates(), engagive.templateLookups(), engagive.templateContents(),
                engagive.messages())) {
            Class<?> type = Stream.of(TemplatesApi.class, TemplateLookupsApi.class, TemplateContentsApi.class,
                    MessagesApi.class).filter(candidate -> candidate.isInstance(api)).findFirst().orElseThrow();
            for (Method method : type.getMethods()) {
                if (method.isAnnotationPresent(RequestLine.class) && Arrays.stream(method.getParameterAnnotations())
                        .flatMap(Arrays::stream).noneMatch(QueryMap.class::isInstance)) {
                    for (int i = 0; i < method.getParameterCount(); i++) {
                        if (isPathParameter(method, i)) {
                            all.add(new PathParameter(api, method, i));
                        }
                    }
                }
            }
        }
        assertThat(all).extracting(p -> p.method().getName()).contains("getTemplate", "sendTemplate",
                "listCategoryOptions", "listContentLanguages");
        return Arbitraries.of(all);
    }

    @Provide
    Arbitrary<String> hostileValues() {
        Arbitrary<String> pieces = Arbitraries.of("%2F", "%2f", "%2e", "%2E", "..", ".", "/", "\\", "%5C", "%252F",
                "%25", "%", "?", "#", ";", "／", "＼", "‥", "﹒", "．", "\u202E", "\u0000", "\r\n", " ", "+", "&",
                "=", "9", "templates", "secret", "é", "😀", "\uD800");
        Arbitrary<String> built = pieces.list().ofMinSize(1).ofMaxSize(6).map(list -> String.join("", list));
        return Arbitraries.oneOf(built, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20),
                Arbitraries.of("..%2F..%2F9%2Ftemplates%2Fsecret", "%2e%2e", "%2e%2e%2f", "order_shipped", "1"));
    }

    private static Object[] arguments(Method method, int pathIndex, String value) throws Exception {
        Object[] args = new Object[method.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            Class<?> type = method.getParameterTypes()[i];
            if (i == pathIndex) {
                args[i] = value;
            } else if (isPathParameter(method, i)) {
                args[i] = "1";
            } else if (type == String.class) {
                args[i] = null;
            } else if (Map.class.isAssignableFrom(type)) {
                args[i] = Map.of("to", "923001234567");
            } else {
                args[i] = type.getConstructor().newInstance();
            }
        }
        return args;
    }

    private static boolean isPathParameter(Method method, int index) {
        String name = paramName(method, index);
        return name != null && requestPath(method).contains("{" + name + "}");
    }

    private static String paramName(Method method, int index) {
        for (Annotation annotation : method.getParameterAnnotations()[index]) {
            if (annotation instanceof Param param) {
                return param.value();
            }
        }
        return null;
    }

    private static String requestPath(Method method) {
        String line = method.getAnnotation(RequestLine.class).value();
        String uri = line.substring(line.indexOf(' ') + 1).trim();
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    private static String percentDecode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
