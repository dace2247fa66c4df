package org.opensspr.devices;

/**
 * A joined, enabled device, as its credential or a logon session authenticates it. Its string
 * form is the actor the audit log names: {@code device:<name> (<id>)}.
 */
public record DeviceIdentity(String id, String name) {

    public String actor() {
        return "device:" + name + " (" + id + ")";
    }

    @Override
    public String toString() {
        return actor();
    }
}
