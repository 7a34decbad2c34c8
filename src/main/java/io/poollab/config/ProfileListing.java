package io.poollab.config;

import java.util.List;

/**
 * What {@link ProfileStore#list()} found: the built-in profiles, then the saved ones by name; and one located
 * problem for each profile file that could not be read, so that one bad file never hides the others.
 */
public record ProfileListing(List<SavedProfile> profiles, List<Problem> problems) {

    public ProfileListing {
        profiles = List.copyOf(profiles);
        problems = List.copyOf(problems);
    }
}
