package org.lifecircle.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lifecircle.core.graph.DistanceSearch;
import org.lifecircle.core.graph.SnappedPoint;

class PointsByEdgeTest {
    @Test
    void collectsEveryPointWithinTheBoundOnceAndNoExcludedPoint() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            NetworkOracle oracle = NetworkOracle.randomGraph(random);
            List<SnappedPoint> points = new ArrayList<>();
            boolean[] include = new boolean[40];
            for (int i = 0; i < include.length; i++) {
                points.add(oracle.randomPoint(random));
                include[i] = random.nextInt(5) != 0;
            }
            PointsByEdge index = new PointsByEdge(oracle.graph, points, include);
            DistanceSearch search = new DistanceSearch(oracle.graph);
            for (int query = 0; query < 5; query++) {
                SnappedPoint source = oracle.randomPoint(random);
                double bound = random.nextDouble() * 400;
                search.run(source, bound);

                int found = index.collect(search);

                Set<Integer> collected = new HashSet<>();
                for (int k = 0; k < found; k++) {
                    int point = index.foundPoint(k);
                    assertThat(collected.add(point))
                            .as("seed %d: point %d twice", seed, point)
                            .isTrue();
                    assertThat(include[point]).isTrue();
                }
                for (int i = 0; i < points.size(); i++) {
                    if (include[i] && search.distanceToMeters(points.get(i)) <= bound) {
                        assertThat(collected)
                                .as("seed %d query %d", seed, query)
                                .contains(i);
                    }
                }
            }
        }
    }
}
