package org.lifecircle.web.common;

import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Log4jApiLogFactory;

/**
 * Routes Spring's logging (Apache Commons Logging 1.3) through the Log4j API, which Spring Boot
 * bridges to SLF4J and Logback as before, instead of straight to SLF4J.
 *
 * <p>Why: Commons Logging 1.3.6's SLF4J binding ({@code Slf4jLogFactory$Slf4jLocationAwareLog})
 * turns every message into a string before Logback looks at the level, so Spring's lazy debug and
 * trace messages ({@code LogMessage.format(…)}) are all formatted and thrown away: on a map request
 * the security chain's "Invoking filter %s (%d/%d)" per filter and the role hierarchy's list of
 * reachable authorities, about 5 % of the service's CPU samples. The Log4j API binding asks for the
 * level first ({@code logIfEnabled}). Output, levels and configuration stay Logback's.
 */
public final class CommonsLoggingBinding {
    private CommonsLoggingBinding() {}

    /** Call before anything logs; an explicit {@code -Dorg.apache.commons.logging.LogFactory} wins. */
    public static void checkLevelsBeforeFormatting() {
        if (System.getProperty(LogFactory.FACTORY_PROPERTY) == null) {
            System.setProperty(LogFactory.FACTORY_PROPERTY, Log4jApiLogFactory.class.getName());
        }
    }
}
