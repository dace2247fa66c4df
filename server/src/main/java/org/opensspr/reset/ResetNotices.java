package org.opensspr.reset;

import org.opensspr.audit.Caller;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.notify.Message;
import org.opensspr.notify.NotificationOutbox;
import org.opensspr.policy.MethodType;
import org.opensspr.policy.PolicyService;
import org.springframework.stereotype.Component;

/** The notices a finished reset or unlock sends, as the policy asks: to the user, and to the other admins. */
@Component
class ResetNotices {

    private final PolicyService policies;
    private final NotificationOutbox outbox;

    ResetNotices(PolicyService policies, NotificationOutbox outbox) {
        this.policies = policies;
        this.outbox = outbox;
    }

    /** Tells the user at the flow's email address (policy {@code notifyUserOnReset}). */
    void toUser(ResetFlow flow, Message.Kind kind, String subject, String text) {
        if (policies.current().notifyUserOnReset()) {
            flow.methods().stream()
                    .filter(m -> m.type() == MethodType.EMAIL && m.address() != null)
                    .findFirst()
                    .ifPresent(m -> outbox.enqueue(Message.email(kind, m.address(), subject, text)));
        }
    }

    /**
     * When an admin resets, every other admin hears of it (policy {@code notifyAdminsOnAdminReset}),
     * as in Azure. Whether the user is an admin was read with their groups when the flow started.
     */
    void toOtherAdmins(ResetFlow flow, DirectoryUser user, Caller caller) {
        if (!flow.admin() || !policies.current().notifyAdminsOnAdminReset()) {
            return;
        }
        for (DirectoryUser other : policies.admins()) {
            if (!other.dn().equals(user.dn()) && other.mail().isPresent()) {
                outbox.enqueue(Message.email(
                        Message.Kind.ADMIN_RESET_NOTICE,
                        other.mail().get(),
                        "An administrator reset their password",
                        "The administrator account " + user.login()
                                + " just reset its password with self-service password"
                                + " reset, from " + caller.ip() + " (" + caller.clientType()
                                + ").\n\nIf you do not expect"
                                + " this, check the audit log and contact " + user.displayName() + "."));
            }
        }
    }
}
