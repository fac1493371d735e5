package io.engagive.sdk.testing;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/** An SLF4J provider for tests that enables every level (TRACE included) and keeps every line in memory. */
public final class CapturedLogs implements SLF4JServiceProvider {

    /** One captured log line. */
    public record Line(Level level, String logger, String message, String throwable) {
        /** @return everything the line would print */
        public String full() {
            return level + " " + logger + " " + message + (throwable == null ? "" : " " + throwable);
        }
    }

    private static final Queue<Line> LINES = new ConcurrentLinkedQueue<>();

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();
    private final ILoggerFactory loggers = CapturingLogger::new;

    /** @return every line captured since the last {@link #clear()} */
    public static List<Line> lines() {
        return List.copyOf(LINES);
    }

    /** @return all captured text, one line each */
    public static String text() {
        return LINES.stream().map(Line::full).collect(Collectors.joining("\n"));
    }

    /** Forgets what was captured. */
    public static void clear() {
        LINES.clear();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    private static final class CapturingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        CapturingLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                Throwable throwable) {
            LINES.add(new Line(level, name, MessageFormatter.basicArrayFormat(pattern, arguments),
                    throwable == null ? null : throwable.toString()));
        }
    }
}
