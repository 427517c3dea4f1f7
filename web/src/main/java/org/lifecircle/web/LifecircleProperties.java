package org.lifecircle.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code lifecircle.*}.
 *
 * @param demo what demo data to load into an empty database
 * @param standardsOverride path of a locality's standards file (YAML), empty for the national
 *     catalog
 * @param maxFeaturesPerResponse most features a GeoJSON endpoint returns before asking for a
 *     smaller bbox
 * @param runs limits of analysis runs
 */
@ConfigurationProperties("lifecircle")
public record LifecircleProperties(
        @DefaultValue Demo demo,
        @DefaultValue("") String standardsOverride,
        @DefaultValue("20000") int maxFeaturesPerResponse,
        @DefaultValue Runs runs) {

    /**
     * @param autoload size of the demo city loaded when the database holds no dataset: {@code
     *     town}, {@code district}, {@code city} or {@code none}
     * @param seed generator seed
     */
    public record Demo(
            @DefaultValue("town") String autoload,
            @DefaultValue("42") long seed) {}

    /**
     * @param timeLimit a run still going after this long is cancelled at its next progress report
     *     (e.g. {@code 30m}); its partial results are never stored
     */
    public record Runs(@DefaultValue("30m") java.time.Duration timeLimit) {}
}
