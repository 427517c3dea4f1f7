package org.lifecircle.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Log4jApiLogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CommonsLoggingBindingTest {
    /** Counts how often a message is turned into text. */
    private static final class CountingMessage {
        int formatted;

        @Override
        public String toString() {
            formatted++;
            return "expensive";
        }
    }

    @Test
    void disabledDebugMessagesAreNeverFormattedAndEnabledOnesStillReachLogback() {
        CommonsLoggingBinding.checkLevelsBeforeFormatting();
        Log log = new Log4jApiLogFactory().getInstance("lifecircle.test.binding");
        assertThat(System.getProperty(LogFactory.FACTORY_PROPERTY)).isEqualTo(Log4jApiLogFactory.class.getName());
        Logger logback = (Logger) LoggerFactory.getLogger("lifecircle.test.binding");

        logback.setLevel(Level.INFO);
        CountingMessage quiet = new CountingMessage();
        log.debug(quiet);
        assertThat(quiet.formatted).isZero();
        assertThat(log.isDebugEnabled()).isFalse();

        logback.setLevel(Level.DEBUG);
        CountingMessage heard = new CountingMessage();
        log.debug(heard);
        assertThat(heard.formatted).isPositive();
        assertThat(log.isDebugEnabled()).isTrue();
    }
}
