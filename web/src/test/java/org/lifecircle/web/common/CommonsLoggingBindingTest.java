package org.lifecircle.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Slf4jLogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CommonsLoggingBindingTest {
    private static final String NAME = "lifecircle.test.binding";

    /** Counts how often a message is turned into text. */
    private static final class CountingMessage {
        int formatted;

        @Override
        public String toString() {
            formatted++;
            return "expensive";
        }
    }

    @AfterEach
    void forgetTheBinding() {
        System.clearProperty(LogFactory.FACTORY_PROPERTY);
        ((Logger) LoggerFactory.getLogger(NAME)).setLevel(null);
    }

    @Test
    void theChosenBindingNeverFormatsADisabledDebugMessageAndStillReachesLogback() throws Exception {
        CommonsLoggingBinding.checkLevelsBeforeFormatting();
        // The factory Commons Logging will instantiate from the property main() sets.
        LogFactory factory = (LogFactory) Class.forName(System.getProperty(LogFactory.FACTORY_PROPERTY))
                .getDeclaredConstructor()
                .newInstance();
        Log log = factory.getInstance(NAME);
        Logger logback = (Logger) LoggerFactory.getLogger(NAME);

        logback.setLevel(Level.INFO);
        CountingMessage quiet = new CountingMessage();
        log.debug(quiet);
        assertThat(quiet.formatted).isZero();

        logback.setLevel(Level.DEBUG);
        CountingMessage heard = new CountingMessage();
        log.debug(heard);
        assertThat(heard.formatted).isPositive();
    }

    @Test
    void theDefaultSlf4jBindingFormatsDisabledMessagesWhichIsWhyItIsReplaced() {
        // When a Commons Logging release stops doing this, CommonsLoggingBinding can go.
        ((Logger) LoggerFactory.getLogger(NAME)).setLevel(Level.INFO);
        CountingMessage wasted = new CountingMessage();
        new Slf4jLogFactory().getInstance(NAME).debug(wasted);
        assertThat(wasted.formatted).isPositive();
    }

    @Test
    void anExplicitChoiceIsKept() {
        System.setProperty(LogFactory.FACTORY_PROPERTY, Slf4jLogFactory.class.getName());
        CommonsLoggingBinding.checkLevelsBeforeFormatting();
        assertThat(System.getProperty(LogFactory.FACTORY_PROPERTY)).isEqualTo(Slf4jLogFactory.class.getName());
    }
}
