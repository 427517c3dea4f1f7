package org.lifecircle.web;

import java.util.Arrays;
import org.lifecircle.web.common.CommonsLoggingBinding;
import org.lifecircle.web.common.DatabaseUrl;
import org.lifecircle.web.demo.DemoCommandLine;
import org.lifecircle.web.importer.ImportCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The lifecircle service. {@code java -jar lifecircle.jar} serves the API; {@code java -jar
 * lifecircle.jar demo …} generates and loads a demo city and exits (see {@link DemoCommandLine});
 * {@code java -jar lifecircle.jar import KIND FILE …} imports a file and exits (see {@link
 * ImportCommandLine}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LifecircleApplication {

    public static void main(String[] args) {
        CommonsLoggingBinding.checkLevelsBeforeFormatting();
        DatabaseUrl.fromEnvironment(System.getenv("DATABASE_URL")).ifPresent(DatabaseUrl::applyAsSystemProperties);
        if (args.length > 0 && args[0].equals("demo")) {
            System.exit(DemoCommandLine.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommandLine.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(LifecircleApplication.class, args);
    }
}
