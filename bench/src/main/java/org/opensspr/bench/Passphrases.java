package org.opensspr.bench;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New passwords for the resets: three random words and four digits ({@code Quartz-Tundra-Mosaic-4821}),
 * about 2^30 possibilities, so a run practically never repeats one. Even when every word matches
 * a banned term, Azure's score is 3 (words) + 3 (dashes) + 1 or more (digits) = 7, above the 5
 * points the policy needs; the words share nothing with the seeded users' context (login
 * {@code userNNNNN}, names {@code Bench UserNNNNN}, organisation {@code example}).
 * {@code PassphrasesTests} runs them through the engine's rules with that context.
 */
final class Passphrases {

    static final List<String> WORDS = List.of(
            "quartz",
            "tundra",
            "mosaic",
            "lantern",
            "orchid",
            "pebble",
            "walnut",
            "glacier",
            "cobalt",
            "saffron",
            "juniper",
            "marble",
            "falcon",
            "meadow",
            "citadel",
            "ember",
            "fjord",
            "granite",
            "hazel",
            "indigo",
            "jasmine",
            "kestrel",
            "lagoon",
            "mistral",
            "nectar",
            "obsidian",
            "paprika",
            "quiver",
            "raven",
            "sorrel",
            "thistle",
            "umber",
            "velvet",
            "willow",
            "yarrow",
            "zephyr",
            "basalt",
            "canyon",
            "dune",
            "estuary",
            "fennel",
            "gazebo",
            "heron",
            "island",
            "jetty",
            "kiln",
            "lichen",
            "maple",
            "nimbus",
            "oyster",
            "prairie",
            "quill",
            "reef",
            "spruce",
            "tamarind",
            "upland",
            "vortex",
            "wharf",
            "xylem",
            "yonder",
            "zinnia",
            "acorn",
            "bramble",
            "cinder");

    private Passphrases() {}

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder b = new StringBuilder(32);
        for (int i = 0; i < 3; i++) {
            String word = WORDS.get(random.nextInt(WORDS.size()));
            b.append(word.substring(0, 1).toUpperCase(Locale.ROOT))
                    .append(word, 1, word.length())
                    .append('-');
        }
        return b.append(String.format(Locale.ROOT, "%04d", random.nextInt(10_000)))
                .toString();
    }
}
