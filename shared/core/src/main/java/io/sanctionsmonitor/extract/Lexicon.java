package io.sanctionsmonitor.extract;

import io.sanctionsmonitor.model.Category;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything the extractor knows, read once from the tab-separated files under {@code /extract/}
 * (see the README there). Read-only after construction, so one instance serves all threads.
 */
final class Lexicon {

    /** An item word: what it is and how it behaves. {@code category} is null for a blocking non-item phrase. */
    record Item(String phrase, Category category, String type, Set<String> flags) {
        boolean has(String flag) {
            return flags.contains(flag);
        }

        /** The state that makes this system (flag made=XXX), or null when the lexicon does not say. */
        String maker() {
            for (String f : flags) {
                if (f.startsWith("made=")) {
                    return f.substring(5);
                }
            }
            return null;
        }
    }

    record State(String code, String role, String phrase) {}

    record Source(String label, String phrase) {
        boolean needsState() {
            return label.startsWith("@state");
        }

        /** A kind of body that is named by its description when no name is given ("a British think tank"). */
        boolean unnamed() {
            return label.equals("@unnamed");
        }
    }

    record Cue(String kind, String value, boolean lowercaseOnly) {}

    record NumberWord(double value, String kind) {}

    enum DefaultDirection { FROM_FOCUS, TO_FOCUS, NONE }

    final PhraseMatcher<Item> items = new PhraseMatcher<>();
    final PhraseMatcher<State> states = new PhraseMatcher<>();
    final PhraseMatcher<Source> sources = new PhraseMatcher<>();
    final PhraseMatcher<List<Cue>> cues = new PhraseMatcher<>();
    final Map<String, NumberWord> numbers = new HashMap<>();
    final Map<String, String> stateNames = new HashMap<>();
    final Map<Category, DefaultDirection> defaultDirections = new EnumMap<>(Category.class);
    /** Categories whose items in one sentence form one finding (one scheme), whatever their types. */
    final Set<Category> groupedBySentence = EnumSet.noneOf(Category.class);
    /** Categories whose claim, stating no count, is measured by the sum of money in its sentence. */
    final Set<Category> countedInMoney = EnumSet.noneOf(Category.class);
    /** Categories of people whose claim, with no count before its item, takes a head count ("900 of them"). */
    final Set<Category> countedInHeads = EnumSet.noneOf(Category.class);
    final String focusState;
    /** Every word that starts some phrase of some lexicon: one lookup tells whether a token needs the tries. */
    final Set<String> firstWords;
    /** The words of each state and source phrase as written, to check capitalisation against the text. */
    final Map<String, String[]> phraseWords = new HashMap<>();

    Lexicon() {
        read("items.tsv", 3, f -> {
            Category category = f[1].equals("NONE") ? null : Category.valueOf(f[1]);
            Set<String> flags = f.length > 3 ? Set.of(f[3].split(",")) : Set.of();
            items.add(f[0], new Item(f[0], category, f[2], flags));
        });
        read("states.tsv", 3, f -> {
            states.add(f[0], new State(f[1], f[2], f[0]));
            phraseWords.put(f[0], words(f[0]));
            if (f[2].equals("name")) {
                stateNames.putIfAbsent(f[1], f[0]);
            }
        });
        read("sources.tsv", 2, f -> {
            sources.add(f[0], new Source(f[1], f[0]));
            phraseWords.put(f[0], words(f[0]));
        });
        Map<String, List<Cue>> cueLists = new LinkedHashMap<>();
        read("cues.tsv", 3, f -> cueLists.computeIfAbsent(f[0], k -> new ArrayList<>())
                .add(new Cue(f[1], f[2], f.length > 3 && f[3].contains("lower"))));
        cueLists.forEach((phrase, list) -> cues.add(phrase, List.copyOf(list)));
        read("numbers.tsv", 3, f -> numbers.put(f[0].toLowerCase(Locale.ROOT), new NumberWord(Double.parseDouble(f[1]), f[2])));
        read("categories.tsv", 3, f -> {
            defaultDirections.put(Category.valueOf(f[0]), DefaultDirection.valueOf(f[1].toUpperCase().replace('-', '_')));
            if (f[2].equals("sentence")) {
                groupedBySentence.add(Category.valueOf(f[0]));
            }
            Set<String> flags = f.length > 3 ? Set.of(f[3].split(",")) : Set.of();
            if (flags.contains("money")) {
                countedInMoney.add(Category.valueOf(f[0]));
            }
            if (flags.contains("heads")) {
                countedInHeads.add(Category.valueOf(f[0]));
            }
        });
        Map<String, String> settings = new HashMap<>();
        read("settings.tsv", 2, f -> settings.put(f[0], f[1]));
        focusState = settings.get("focus_state");
        Set<String> first = new HashSet<>();
        first.addAll(items.firstWords());
        first.addAll(states.firstWords());
        first.addAll(sources.firstWords());
        first.addAll(cues.firstWords());
        firstWords = Set.copyOf(first);
    }

    private static String[] words(String phrase) {
        return new Tokenizer().tokenize(phrase).stream().map(Token::text).toArray(String[]::new);
    }

    String stateName(String code) {
        return stateNames.getOrDefault(code, code);
    }

    private static void read(String file, int minFields, Consumer<String[]> row) {
        String path = "/extract/" + file;
        try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length < minFields) {
                    throw new IllegalStateException(path + ":" + lineNo + ": expected " + minFields + " tab-separated fields");
                }
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = fields[i].strip();
                }
                row.accept(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
