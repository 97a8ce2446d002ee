package org.lcjp.reoffending.jobs.results;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The plain mapper that turns a figure's value into JSON for the manifest. */
final class ManifestJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ManifestJson() {}
}
