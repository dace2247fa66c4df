package org.opensspr.reset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opensspr.audit.ClientType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Flows, their pending codes and passed verifications. Every state change that must happen at
 * most once is a conditional write whose row count is checked: a code is consumed only by the
 * delete that removed it, a flow completes only by the update that moved it from OPEN.
 */
@Repository
class JdbcResetFlowRepository {

    private static final TypeReference<List<FlowMethod>> METHODS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    JdbcResetFlowRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(ResetFlow flow) {
        jdbc.sql("""
                INSERT INTO reset_flow (id_hash, login, user_dn, decoy, client_type, ip, required, methods, status,
                    challenges_sent, failed_verifications, created_at, expires_at, admin_user)
                VALUES (:id, :login, :dn, :decoy, :clientType, :ip, :required, :methods, :status, 0, 0, :created, :expires,
                    :admin)""")
                .param("id", flow.idHash())
                .param("login", flow.login())
                .param("dn", flow.userDn())
                .param("decoy", flow.decoy())
                .param("clientType", flow.clientType().name())
                .param("ip", flow.ip())
                .param("required", flow.required())
                .param("methods", json.writeValueAsString(flow.methods()))
                .param("status", flow.status().name())
                .param("created", flow.createdAt().toEpochMilli())
                .param("expires", flow.expiresAt().toEpochMilli())
                .param("admin", flow.admin())
                .update();
    }

    /** The flow if it exists and has not expired, whatever its status. */
    Optional<ResetFlow> find(String idHash, Instant now) {
        return jdbc.sql("SELECT * FROM reset_flow WHERE id_hash = :id AND expires_at > :now")
                .param("id", idHash)
                .param("now", now.toEpochMilli())
                .query(this::toFlow)
                .optional();
    }

    /** Counts a challenge; false when the flow already sent {@code max}. */
    boolean countChallenge(String idHash, int max) {
        return jdbc.sql(
                                "UPDATE reset_flow SET challenges_sent = challenges_sent + 1 WHERE id_hash = :id AND challenges_sent < :max")
                        .param("id", idHash)
                        .param("max", max)
                        .update()
                == 1;
    }

    /** Stores the code (or the asked questions) for a method, replacing any earlier one. */
    void saveChallenge(String idHash, String methodId, String codeHash, Instant expiresAt, String asked) {
        deleteChallenge(idHash, methodId);
        jdbc.sql("""
                INSERT INTO reset_challenge (flow_id_hash, method_id, code_hash, expires_at, failures, asked)
                VALUES (:id, :method, :code, :expires, 0, :asked)""")
                .param("id", idHash)
                .param("method", methodId)
                .param("code", codeHash)
                .param("expires", expiresAt.toEpochMilli())
                .param("asked", asked)
                .update();
    }

    void deleteChallenge(String idHash, String methodId) {
        jdbc.sql("DELETE FROM reset_challenge WHERE flow_id_hash = :id AND method_id = :method")
                .param("id", idHash)
                .param("method", methodId)
                .update();
    }

    /** The question ids the pending challenge asked; empty when none is pending or it expired. */
    List<String> askedQuestions(String idHash, String methodId, Instant now) {
        return jdbc.sql(
                        "SELECT asked FROM reset_challenge WHERE flow_id_hash = :id AND method_id = :method AND expires_at > :now")
                .param("id", idHash)
                .param("method", methodId)
                .param("now", now.toEpochMilli())
                .query(String.class)
                .optional()
                .filter(asked -> !asked.isBlank())
                .map(asked -> List.of(asked.split(",")))
                .orElse(List.of());
    }

    /** Consumes the code: true only for the one caller whose delete removed a matching, unexpired code. */
    boolean consumeChallenge(String idHash, String methodId, String codeHash, Instant now) {
        return jdbc.sql("""
                DELETE FROM reset_challenge WHERE flow_id_hash = :id AND method_id = :method AND code_hash = :code
                AND expires_at > :now""")
                        .param("id", idHash)
                        .param("method", methodId)
                        .param("code", codeHash)
                        .param("now", now.toEpochMilli())
                        .update()
                == 1;
    }

    /** Counts a failed verification; returns the flow's count after it. */
    /**
     * Takes one of the flow's {@code max} verification attempts before anything is checked; it counts
     * as a failure unless {@link #giveBackAttempt} returns it. The update holds the flow's row until the
     * transaction ends, so parallel attempts on one flow take turns and at most {@code max} are ever
     * checked. False when none is left.
     */
    boolean takeAttempt(String idHash, int max) {
        return jdbc.sql("""
                        UPDATE reset_flow SET failed_verifications = failed_verifications + 1
                        WHERE id_hash = :id AND failed_verifications < :max""").param("id", idHash).param("max", max).update() == 1;
    }

    /** Returns the attempt {@link #takeAttempt} took: it succeeded. */
    void giveBackAttempt(String idHash) {
        jdbc.sql("""
                UPDATE reset_flow SET failed_verifications = failed_verifications - 1
                WHERE id_hash = :id AND failed_verifications > 0""").param("id", idHash).update();
    }

    /** The failed verifications of the flow so far, the attempt in progress included. */
    int failures(String idHash) {
        return jdbc.sql("SELECT failed_verifications FROM reset_flow WHERE id_hash = :id")
                .param("id", idHash)
                .query(Integer.class)
                .single();
    }

    void markVerified(String idHash, String methodId, Instant now) {
        int exists = jdbc.sql(
                        "SELECT COUNT(*) FROM reset_verification WHERE flow_id_hash = :id AND method_id = :method")
                .param("id", idHash)
                .param("method", methodId)
                .query(Integer.class)
                .single();
        if (exists == 0) {
            jdbc.sql(
                            "INSERT INTO reset_verification (flow_id_hash, method_id, verified_at) VALUES (:id, :method, :now)")
                    .param("id", idHash)
                    .param("method", methodId)
                    .param("now", now.toEpochMilli())
                    .update();
        }
    }

    int verifiedCount(String idHash) {
        return jdbc.sql("SELECT COUNT(*) FROM reset_verification WHERE flow_id_hash = :id")
                .param("id", idHash)
                .query(Integer.class)
                .single();
    }

    /** Moves an OPEN flow to {@code status}; false if it was not OPEN (used, locked) any more. */
    boolean close(String idHash, ResetFlow.Status status) {
        int updated = jdbc.sql("UPDATE reset_flow SET status = :status WHERE id_hash = :id AND status = 'OPEN'")
                .param("status", status.name())
                .param("id", idHash)
                .update();
        jdbc.sql("DELETE FROM reset_challenge WHERE flow_id_hash = :id")
                .param("id", idHash)
                .update();
        return updated == 1;
    }

    /**
     * Records the intent to write to the directory: moves an OPEN flow to WRITING. False if it was
     * not OPEN any more (finished, locked, or another request is writing).
     */
    boolean beginWrite(String idHash, ResetFlow.PendingAction action, Instant now) {
        return jdbc.sql("""
                UPDATE reset_flow SET status = 'WRITING', pending_action = :action, pending_since = :now
                WHERE id_hash = :id AND status = 'OPEN'""")
                        .param("action", action.name())
                        .param("now", now.toEpochMilli())
                        .param("id", idHash)
                        .update()
                == 1;
    }

    /**
     * Ends a directory write: moves a WRITING flow to {@code status} (OPEN again when the directory
     * changed nothing). False if the flow was not WRITING: someone else settled it already.
     */
    boolean finishWrite(String idHash, ResetFlow.Status status) {
        int updated =
                jdbc.sql("""
                UPDATE reset_flow SET status = :status, pending_action = NULL, pending_since = NULL
                WHERE id_hash = :id AND status = 'WRITING'""").param("status", status.name()).param("id", idHash).update();
        if (updated == 1 && status != ResetFlow.Status.OPEN) {
            jdbc.sql("DELETE FROM reset_challenge WHERE flow_id_hash = :id")
                    .param("id", idHash)
                    .update();
        }
        return updated == 1;
    }

    /** Flows that began a directory write before {@code cutoff} and never finished it: a crash in between. */
    List<PendingWrite> interruptedWrites(Instant cutoff) {
        return jdbc.sql("""
                SELECT * FROM reset_flow WHERE status = 'WRITING' AND pending_since < :cutoff
                ORDER BY pending_since FETCH FIRST 100 ROWS ONLY""")
                .param("cutoff", cutoff.toEpochMilli())
                .query((rs, n) -> new PendingWrite(
                        toFlow(rs, n),
                        ResetFlow.PendingAction.valueOf(rs.getString("pending_action")),
                        Instant.ofEpochMilli(rs.getLong("pending_since"))))
                .list();
    }

    /** A flow whose directory write was interrupted: what it was writing and since when. */
    record PendingWrite(ResetFlow flow, ResetFlow.PendingAction action, Instant since) {}

    /** Flows still OPEN after their expiry: abandoned by their user. */
    List<ResetFlow> expiredOpen(Instant now) {
        return jdbc.sql(
                        "SELECT * FROM reset_flow WHERE status = 'OPEN' AND expires_at <= :now FETCH FIRST 500 ROWS ONLY")
                .param("now", now.toEpochMilli())
                .query(this::toFlow)
                .list();
    }

    /** How far an abandoned flow got, in Azure's words. */
    String progress(ResetFlow flow) {
        int verified = verifiedCount(flow.idHash());
        if (verified >= flow.required()) {
            return "completing verification but before choosing a new password";
        }
        if (verified > 0) {
            return "completing " + verified + " of " + flow.required() + " verification steps";
        }
        return flow.challengesSent() > 0 ? "starting verification" : "being presented with verification options";
    }

    /**
     * Deletes flows that expired before {@code cutoff}, with their codes and verifications; a flow
     * still WRITING stays until {@link InterruptedWrites} settled it.
     */
    int deleteExpired(Instant cutoff) {
        long at = cutoff.toEpochMilli();
        jdbc.sql(
                        "DELETE FROM reset_challenge WHERE flow_id_hash IN (SELECT id_hash FROM reset_flow WHERE expires_at < :at AND status <> 'WRITING')")
                .param("at", at)
                .update();
        jdbc.sql(
                        "DELETE FROM reset_verification WHERE flow_id_hash IN (SELECT id_hash FROM reset_flow WHERE expires_at < :at AND status <> 'WRITING')")
                .param("at", at)
                .update();
        return jdbc.sql("DELETE FROM reset_flow WHERE expires_at < :at AND status <> 'WRITING'")
                .param("at", at)
                .update();
    }

    private ResetFlow toFlow(ResultSet rs, int row) throws SQLException {
        return new ResetFlow(
                rs.getString("id_hash"),
                rs.getString("login"),
                rs.getString("user_dn"),
                rs.getBoolean("decoy"),
                ClientType.valueOf(rs.getString("client_type")),
                rs.getString("ip"),
                rs.getInt("required"),
                json.readValue(rs.getString("methods"), METHODS),
                ResetFlow.Status.valueOf(rs.getString("status")),
                rs.getInt("challenges_sent"),
                rs.getInt("failed_verifications"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("expires_at")),
                rs.getBoolean("admin_user"));
    }
}
