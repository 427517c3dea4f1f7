package org.lifecircle.web.common;

import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.lifecircle.web.LifecircleProperties;
import org.springframework.stereotype.Component;

/**
 * Guards bbox-limited GeoJSON endpoints: count first, answer only when the count is within {@code
 * lifecircle.max-features-per-response}, so a whole-city bbox is a clear 400 and not a 200 MB answer.
 */
@Component
public class FeatureLimit {
    private final int maxFeatures;

    FeatureLimit(LifecircleProperties properties) {
        this.maxFeatures = properties.maxFeaturesPerResponse();
    }

    /** @throws TooManyFeaturesException when {@code count} exceeds the limit */
    public String within(LongSupplier count, Supplier<String> features) {
        long matched = count.getAsLong();
        if (matched > maxFeatures) {
            throw new TooManyFeaturesException(matched, maxFeatures);
        }
        return features.get();
    }
}
