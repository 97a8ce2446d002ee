package org.lcjp.reoffending.cli;

import org.lcjp.reoffending.publish.CodeVersion;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"reoffending " + CodeVersion.current()};
    }
}
