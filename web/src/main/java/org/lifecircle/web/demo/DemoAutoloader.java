package org.lifecircle.web.demo;

import java.util.Locale;
import org.lifecircle.datasets.ProgressListener;
import org.lifecircle.datasets.demo.DemoCitySize;
import org.lifecircle.web.LifecircleProperties;
import org.lifecircle.web.store.PostgisDatasetStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo city into a database that has never held a dataset, so a new user sees a city at
 * once. {@code lifecircle.demo.autoload=none} (the {@code prod} profile) turns it off.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoAutoloader implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DemoAutoloader.class);

    private final LifecircleProperties properties;
    private final PostgisDatasetStore store;
    private final DemoLoader loader;

    DemoAutoloader(LifecircleProperties properties, PostgisDatasetStore store, DemoLoader loader) {
        this.properties = properties;
        this.store = store;
        this.loader = loader;
    }

    @Override
    public void run(ApplicationArguments args) {
        String autoload = properties.demo().autoload().trim().toLowerCase(Locale.ROOT);
        if (autoload.equals("none") || !store.isEmpty()) {
            return;
        }
        DemoCitySize size = DemoCommandLine.parseSize(autoload);
        long started = System.nanoTime();
        LOG.info(
                "Database holds no dataset: loading the demo {} (seed {})",
                autoload,
                properties.demo().seed());
        DemoLoader.Result result = loader.load(size, properties.demo().seed(), false, ProgressListener.NONE);
        LOG.info(
                "Demo {} loaded in {} ms: {}",
                autoload,
                (System.nanoTime() - started) / 1_000_000,
                result.storedRows());
    }
}
