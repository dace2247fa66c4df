package org.opensspr.reset;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.opensspr.audit.Caller;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.enrollment.MethodsService;
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
    private final MethodsService methods;

    ResetNotices(PolicyService policies, NotificationOutbox outbox, MethodsService methods) {
        this.policies = policies;
        this.outbox = outbox;
        this.methods = methods;
    }

    /**
     * Tells the user at the flow's email address and, when the account is known ({@code target}),
     * at every other email address on file (policy {@code notifyUserOnReset}): an address someone
     * slipped in must not be the only one that hears of the reset. A decoy flow has no addresses
     * and no account, so it sends nothing.
     */
    void toUser(ResetFlow flow, DirectoryUser target, Message.Kind kind, String subject, String text) {
        if (!policies.current().notifyUserOnReset()) {
            return;
        }
        Map<String, String> addresses = new LinkedHashMap<>();
        flow.methods().stream()
                .filter(m -> m.type() == MethodType.EMAIL && m.address() != null)
                .forEach(m -> addresses.putIfAbsent(m.address().strip().toLowerCase(Locale.ROOT), m.address()));
        if (target != null && !addresses.isEmpty()) {
            methods.emailsOnFile(target)
                    .forEach(email -> addresses.putIfAbsent(email.strip().toLowerCase(Locale.ROOT), email));
        }
        addresses.values().forEach(address -> outbox.enqueue(Message.email(kind, address, subject, text)));
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
