package org.opensspr.reset;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opensspr.audit.Caller;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.enrollment.MethodsService;
import org.opensspr.notify.Message;
import org.opensspr.notify.MessageTexts;
import org.opensspr.notify.NotificationOutbox;
import org.opensspr.policy.MethodType;
import org.opensspr.policy.PolicyService;
import org.opensspr.system.Languages;
import org.springframework.stereotype.Component;

/**
 * The notices a finished reset or unlock sends, as the policy asks: to the user, and to the other
 * admins, each in the recipient's language ({@link Languages#forRecipient}: their directory's
 * {@code preferredLanguage}, else the language of the request that finished the reset, else the
 * server's; a reset settled by {@link InterruptedWrites} has no request).
 */
@Component
class ResetNotices {

    private final PolicyService policies;
    private final NotificationOutbox outbox;
    private final MethodsService methods;
    private final MessageTexts texts;

    ResetNotices(PolicyService policies, NotificationOutbox outbox, MethodsService methods, MessageTexts texts) {
        this.policies = policies;
        this.outbox = outbox;
        this.methods = methods;
        this.texts = texts;
    }

    /**
     * Tells the user at the flow's email address and, when the account is known ({@code target}),
     * at every other email address on file (policy {@code notifyUserOnReset}): an address someone
     * slipped in must not be the only one that hears of the reset. A decoy flow has no addresses
     * and no account, so it sends nothing.
     */
    void toUser(ResetFlow flow, DirectoryUser target, Message.Kind kind) {
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
        Optional<String> preferred = target != null
                ? target.preferredLanguage()
                : flow.methods().stream()
                        .map(FlowMethod::language)
                        .filter(Objects::nonNull)
                        .findFirst();
        Locale locale = Languages.forRecipient(preferred);
        addresses.values().forEach(address -> outbox.enqueue(texts.email(kind, address, locale, flow.login())));
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
                outbox.enqueue(texts.email(
                        Message.Kind.ADMIN_RESET_NOTICE,
                        other.mail().get(),
                        Languages.forRecipient(other.preferredLanguage()),
                        user.login(),
                        caller.ip(),
                        String.valueOf(caller.clientType()),
                        user.displayName()));
            }
        }
    }
}
