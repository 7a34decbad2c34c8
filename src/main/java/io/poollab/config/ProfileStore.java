package io.poollab.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Saved connection profiles: one YAML file per profile in {@code <home>/profiles/<slug>.yaml}, written atomically,
 * never holding a password. Two read-only H2 demo profiles come first ({@link #builtIns}). Methods are synchronized:
 * the GUI calls them from background tasks, and one writer at a time keeps a rename from racing a save.
 */
public final class ProfileStore {

    public static final String DEMO_SOURCE = "H2 demo source";
    public static final String DEMO_TARGET = "H2 demo target";

    private static final Comparator<SavedProfile> BY_NAME =
            Comparator.comparing(SavedProfile::name, String.CASE_INSENSITIVE_ORDER).thenComparing(SavedProfile::name);

    private final Path home;
    private final Path folder;

    public ProfileStore(Path home) {
        this.home = home;
        this.folder = home.resolve("profiles");
    }

    /** The two demo profiles of {@code sample-configs/h2-demo.yaml}; the source seeds 200,000 posts on first use. */
    public static List<SavedProfile> builtIns(Path home) {
        return List.of(
                new SavedProfile(DEMO_SOURCE, ConnectionForm.h2(home + "/demo/h2-source"), null, "sa",
                        PasswordSource.NONE, Map.of(), new SeedSpec("posts", 200_000), true),
                new SavedProfile(DEMO_TARGET, ConnectionForm.h2(home + "/demo/h2-target"), null, "sa",
                        PasswordSource.NONE, Map.of(), null, true));
    }

    /** Whether the OS keyring can hold passwords here; the GUI disables the keyring option when it cannot. */
    public static boolean keyringAvailable() {
        return OsKeyring.isAvailable();
    }

    public Path folder() {
        return folder;
    }

    /** Built-ins first, then saved profiles by name; files that cannot be read come back as problems. */
    public synchronized ProfileListing list() {
        Scan scan = scan();
        List<SavedProfile> saved = new ArrayList<>();
        scan.files.values().forEach(read -> saved.add(read.profile()));
        saved.sort(BY_NAME);
        List<SavedProfile> all = new ArrayList<>(builtIns(home));
        all.addAll(saved);
        return new ProfileListing(all, scan.problems);
    }

    public synchronized SavedProfile load(String name) throws ConfigException {
        Optional<SavedProfile> builtIn = builtIn(name);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        return find(scan(), name).profile();
    }

    /**
     * Creates the profile, or replaces the saved one of the same name.
     *
     * @throws ConfigException a built-in name, a profile with problems ({@link SavedProfile#problems}), or a
     *                         file that cannot be written
     */
    public synchronized SavedProfile save(SavedProfile profile) throws ConfigException {
        if (builtIn(profile.name()).isPresent()) {
            throw new ConfigException("\"" + profile.name() + "\" is a built-in profile and cannot be overwritten; "
                    + "save it under another name");
        }
        List<Problem> problems = profile.problems();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        SavedProfile saved = profile.withName(profile.name());
        Scan scan = scan();
        Path file = scan.pathOf(saved.name()).orElseGet(() -> freeFile(saved.name()));
        write(file, ProfileFile.write(saved));
        return saved;
    }

    public synchronized void delete(String name) throws ConfigException {
        if (builtIn(name).isPresent()) {
            throw new ConfigException("\"" + name + "\" is a built-in profile and cannot be deleted");
        }
        Path file = find(scan(), name).path();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ConfigException("cannot delete " + file + ": " + e.getMessage());
        }
    }

    /** Renames a saved profile: the new file is written before the old one goes, so a crash loses nothing. */
    public synchronized SavedProfile rename(String from, String to) throws ConfigException {
        if (builtIn(from).isPresent()) {
            throw new ConfigException("\"" + from + "\" is a built-in profile and cannot be renamed");
        }
        if (builtIn(to).isPresent()) {
            throw new ConfigException("\"" + to + "\" is the name of a built-in profile; choose another name");
        }
        Scan scan = scan();
        Located old = find(scan, from);
        SavedProfile renamed = old.profile().withName(to);
        if (renamed.name().equals(old.profile().name())) {
            return old.profile();
        }
        if (scan.pathOf(renamed.name()).isPresent()) {
            throw new ConfigException("a profile named \"" + renamed.name() + "\" already exists");
        }
        List<Problem> problems = renamed.problems();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Path target = slug(renamed.name()).equals(slug(from)) ? old.path() : freeFile(renamed.name());
        write(target, ProfileFile.write(renamed));
        if (!target.equals(old.path())) {
            try {
                Files.deleteIfExists(old.path());
            } catch (IOException e) {
                throw new ConfigException("saved \"" + renamed.name() + "\" but cannot delete the old " + old.path()
                        + ": " + e.getMessage());
            }
        }
        return renamed;
    }

    /** A profile's file name: lower-case ASCII words joined by dashes ({@code Orders (EU)} → {@code orders-eu}). */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        if (slug.isEmpty()) {
            return "profile";
        }
        // Windows refuses these as file names, with any extension.
        return slug.matches("con|prn|aux|nul|com\\d|lpt\\d") ? slug + "-profile" : slug;
    }

    private Optional<SavedProfile> builtIn(String name) {
        String trimmed = name == null ? "" : name.trim();
        return builtIns(home).stream().filter(p -> p.name().equalsIgnoreCase(trimmed)).findFirst();
    }

    private Located find(Scan scan, String name) throws ConfigException {
        String trimmed = name == null ? "" : name.trim();
        for (Map.Entry<Path, ProfileFile.Read> entry : scan.files.entrySet()) {
            if (entry.getValue().profile().name().equals(trimmed)) {
                return new Located(entry.getKey(), entry.getValue().profile());
            }
        }
        throw new ConfigException("no saved profile named \"" + trimmed + "\" in " + folder);
    }

    private Path freeFile(String name) {
        String slug = slug(name);
        Path file = folder.resolve(slug + ".yaml");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve(slug + "-" + n + ".yaml");
        }
        return file;
    }

    // Temp file in the same folder, then a move: a reader never sees half a profile, and a crash leaves the old one.
    private void write(Path file, String text) throws ConfigException {
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ConfigException("cannot write " + file + ": " + e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // A stray temp file starts with a dot and is never read as a profile.
                }
            }
        }
    }

    private Scan scan() {
        Scan scan = new Scan();
        if (!Files.isDirectory(folder)) {
            return scan;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "[!.]*.yaml")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            scan.problems.add(Problem.error(folder.toString(), "", "cannot list the profiles: " + e.getMessage()));
            return scan;
        }
        files.sort(Comparator.comparing(Path::toString));
        Map<String, Path> names = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                ProfileFile.Read read = ProfileFile.read(file.toString(), text);
                String name = read.profile().name();
                if (builtIn(name).isPresent()) {
                    scan.problems.add(Problem.error(read.nameLocation(), "name",
                            "\"" + name + "\" is the name of a built-in profile; rename this one"));
                } else if (names.containsKey(name)) {
                    scan.problems.add(Problem.error(read.nameLocation(), "name",
                            "\"" + name + "\" is also the name of " + names.get(name) + "; rename one of them"));
                } else {
                    names.put(name, file);
                    scan.files.put(file, read);
                }
            } catch (ConfigException e) {
                scan.problems.addAll(e.problems());
            } catch (NoSuchFileException e) {
                // Deleted by another PoolLab between the listing and the read.
            } catch (IOException e) {
                scan.problems.add(Problem.error(file.toString(), "", "cannot read the profile: " + e.getMessage()));
            }
        }
        return scan;
    }

    private record Located(Path path, SavedProfile profile) {
    }

    private static final class Scan {
        final Map<Path, ProfileFile.Read> files = new LinkedHashMap<>();
        final List<Problem> problems = new ArrayList<>();

        Optional<Path> pathOf(String name) {
            return files.entrySet().stream().filter(e -> e.getValue().profile().name().equals(name))
                    .map(Map.Entry::getKey).findFirst();
        }
    }
}
