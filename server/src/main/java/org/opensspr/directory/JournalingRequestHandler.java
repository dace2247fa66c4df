package org.opensspr.directory;

import com.unboundid.ldap.listener.InMemoryRequestHandler;
import com.unboundid.ldap.listener.LDAPListenerClientConnection;
import com.unboundid.ldap.listener.LDAPListenerRequestHandler;
import com.unboundid.ldap.protocol.AbandonRequestProtocolOp;
import com.unboundid.ldap.protocol.AddRequestProtocolOp;
import com.unboundid.ldap.protocol.AddResponseProtocolOp;
import com.unboundid.ldap.protocol.BindRequestProtocolOp;
import com.unboundid.ldap.protocol.CompareRequestProtocolOp;
import com.unboundid.ldap.protocol.DeleteRequestProtocolOp;
import com.unboundid.ldap.protocol.DeleteResponseProtocolOp;
import com.unboundid.ldap.protocol.ExtendedRequestProtocolOp;
import com.unboundid.ldap.protocol.ExtendedResponseProtocolOp;
import com.unboundid.ldap.protocol.GenericResponseProtocolOp;
import com.unboundid.ldap.protocol.LDAPMessage;
import com.unboundid.ldap.protocol.ModifyDNRequestProtocolOp;
import com.unboundid.ldap.protocol.ModifyDNResponseProtocolOp;
import com.unboundid.ldap.protocol.ModifyRequestProtocolOp;
import com.unboundid.ldap.protocol.ModifyResponseProtocolOp;
import com.unboundid.ldap.protocol.ProtocolOp;
import com.unboundid.ldap.protocol.SearchRequestProtocolOp;
import com.unboundid.ldap.protocol.UnbindRequestProtocolOp;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded directory's LDAP request handler: UnboundID's in-memory handler, with every
 * successful write (add, delete, modify, modify DN, Password Modify) journaled and on disk before
 * the client gets its answer. A write is applied and its resulting entries read and appended to the
 * {@link DirectoryJournal} under one lock, so the journal holds the changes in the order they were
 * applied; then, outside the lock, the write waits for the group commit that makes its records
 * durable. Reads, binds and compares pass straight through.
 *
 * <p>When the journal cannot be written the change is in memory but not on disk: the client gets
 * {@code other (80)} instead of success, an error is logged, and every later write is refused with
 * {@code unavailable (52)} until the server is restarted (which loads what was acknowledged).
 * Writes outside the base DN (the schema entry) are refused: they would not be kept.
 */
final class JournalingRequestHandler extends LDAPListenerRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(JournalingRequestHandler.class);

    private final InMemoryRequestHandler delegate;
    private final Shared shared;

    /** What every connection's handler shares: the journal, the lock and what runs after a write. */
    record Shared(DirectoryJournal journal, ReentrantLock applyLock, JournalRecords records, Runnable afterWrite) {}

    JournalingRequestHandler(InMemoryRequestHandler delegate, Shared shared) {
        this.delegate = delegate;
        this.shared = shared;
    }

    @Override
    public LDAPListenerRequestHandler newInstance(LDAPListenerClientConnection connection) throws LDAPException {
        return new JournalingRequestHandler(delegate.newInstance(connection), shared);
    }

    @Override
    public void closeInstance() {
        delegate.closeInstance();
    }

    @Override
    public void processAbandonRequest(int messageID, AbandonRequestProtocolOp request, List<Control> controls) {
        delegate.processAbandonRequest(messageID, request, controls);
    }

    @Override
    public void processUnbindRequest(int messageID, UnbindRequestProtocolOp request, List<Control> controls) {
        delegate.processUnbindRequest(messageID, request, controls);
    }

    @Override
    public LDAPMessage processBindRequest(int messageID, BindRequestProtocolOp request, List<Control> controls) {
        return delegate.processBindRequest(messageID, request, controls);
    }

    @Override
    public LDAPMessage processCompareRequest(int messageID, CompareRequestProtocolOp request, List<Control> controls) {
        return delegate.processCompareRequest(messageID, request, controls);
    }

    @Override
    public LDAPMessage processSearchRequest(int messageID, SearchRequestProtocolOp request, List<Control> controls) {
        return delegate.processSearchRequest(messageID, request, controls);
    }

    @Override
    public LDAPMessage processAddRequest(int messageID, AddRequestProtocolOp request, List<Control> controls) {
        return write(
                messageID,
                request.getDN(),
                () -> delegate.processAddRequest(messageID, request, controls),
                (code, message) -> new AddResponseProtocolOp(code, null, message, null));
    }

    @Override
    public LDAPMessage processModifyRequest(int messageID, ModifyRequestProtocolOp request, List<Control> controls) {
        return write(
                messageID,
                request.getDN(),
                () -> delegate.processModifyRequest(messageID, request, controls),
                (code, message) -> new ModifyResponseProtocolOp(code, null, message, null));
    }

    @Override
    public LDAPMessage processDeleteRequest(int messageID, DeleteRequestProtocolOp request, List<Control> controls) {
        return write(
                messageID,
                request.getDN(),
                () -> delegate.processDeleteRequest(messageID, request, controls),
                (code, message) -> new DeleteResponseProtocolOp(code, null, message, null));
    }

    @Override
    public LDAPMessage processModifyDNRequest(
            int messageID, ModifyDNRequestProtocolOp request, List<Control> controls) {
        return write(
                messageID,
                request.getDN(),
                () -> delegate.processModifyDNRequest(messageID, request, controls),
                dn -> shared.records().renamed(delegate, dn, request.getNewRDN(), request.getNewSuperiorDN()),
                (code, message) -> new ModifyDNResponseProtocolOp(code, null, message, null));
    }

    @Override
    public LDAPMessage processExtendedRequest(
            int messageID, ExtendedRequestProtocolOp request, List<Control> controls) {
        Supplier<LDAPMessage> apply = () -> delegate.processExtendedRequest(messageID, request, controls);
        if (!PasswordModifyExtendedRequest.PASSWORD_MODIFY_REQUEST_OID.equals(request.getOID())) {
            return apply.get(); // Who Am I? changes nothing; LDAP transactions are not offered
        }
        String target = passwordModifyTarget(request);
        if (target == null) {
            return apply.get(); // the handler refuses what it cannot resolve, the same way
        }
        return write(
                messageID,
                target,
                apply,
                (code, message) -> new ExtendedResponseProtocolOp(code, null, message, null, null, null));
    }

    /** The entry a Password Modify request changes, resolved as the in-memory handler does; null if it cannot be. */
    private String passwordModifyTarget(ExtendedRequestProtocolOp request) {
        try {
            String identity = new PasswordModifyExtendedRequest(request.toExtendedRequest()).getUserIdentity();
            if (identity == null) {
                DN self = delegate.getAuthenticatedDN();
                return self == null || self.isNullDN() ? null : self.toString();
            }
            String lower = identity.toLowerCase(Locale.ROOT);
            return lower.startsWith("dn:") || lower.startsWith("u:")
                    ? delegate.getDNForAuthzID(identity).toString()
                    : identity;
        } catch (LDAPException e) {
            return null;
        }
    }

    /** How to journal a write once applied: the change records for the entries at and under a DN. */
    @FunctionalInterface
    private interface Changes {
        byte[] of(DN dn) throws LDAPException;
    }

    @FunctionalInterface
    private interface Refusal {
        ProtocolOp of(int resultCode, String message);
    }

    /** {@link #write(int, String, Supplier, Changes, Refusal)} journaling the entry at the target as it is after the write. */
    private LDAPMessage write(int messageID, String target, Supplier<LDAPMessage> apply, Refusal refusal) {
        return write(messageID, target, apply, dn -> shared.records().entryAt(delegate, dn), refusal);
    }

    private LDAPMessage write(
            int messageID, String target, Supplier<LDAPMessage> apply, Changes changes, Refusal refusal) {
        DN dn;
        try {
            dn = shared.records().dn(target);
        } catch (LDAPException e) {
            return apply.get(); // not a DN: the handler answers invalidDNSyntax
        }
        if (!shared.records().isKept(dn)) {
            return new LDAPMessage(
                    messageID,
                    refusal.of(
                            ResultCode.UNWILLING_TO_PERFORM_INT_VALUE,
                            "the embedded directory keeps only entries under its base DN"));
        }
        if (shared.journal().failed()) {
            return new LDAPMessage(
                    messageID,
                    refusal.of(
                            ResultCode.UNAVAILABLE_INT_VALUE,
                            "the embedded directory cannot save changes (see the server log); restart the server"));
        }
        LDAPMessage response;
        long sequence;
        shared.applyLock().lock();
        try {
            response = apply.get();
            if (resultCode(response) != ResultCode.SUCCESS_INT_VALUE) {
                return response;
            }
            sequence = shared.journal().append(changes.of(dn));
        } catch (IOException | LDAPException e) {
            shared.journal().fail(e);
            return unsaved(messageID, dn, e, refusal);
        } finally {
            shared.applyLock().unlock();
        }
        try {
            shared.journal().awaitDurable(sequence);
        } catch (IOException e) {
            return unsaved(messageID, dn, e, refusal);
        }
        shared.afterWrite().run();
        return response;
    }

    private static LDAPMessage unsaved(int messageID, DN dn, Exception e, Refusal refusal) {
        log.error(
                "Embedded directory: a change to {} was applied but could not be saved, so it was not acknowledged"
                        + " and will be lost on restart; writes are refused until the server is restarted: {}",
                dn,
                e.getMessage(),
                e);
        return new LDAPMessage(
                messageID,
                refusal.of(
                        ResultCode.OTHER_INT_VALUE,
                        "the embedded directory could not save the change: " + e.getMessage()));
    }

    private static int resultCode(LDAPMessage message) {
        ProtocolOp op = message.getProtocolOp();
        if (op instanceof GenericResponseProtocolOp generic) {
            return generic.getResultCode();
        }
        if (op instanceof ExtendedResponseProtocolOp extended) {
            return extended.getResultCode();
        }
        return -1;
    }
}
