package org.opensspr.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.asn1.ASN1Element;
import com.unboundid.asn1.ASN1Integer;
import com.unboundid.asn1.ASN1Sequence;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ResponseControl;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opensspr.directory.DirectoryRejectedPasswordException.Reason;

/** How a directory's refusal of a password becomes a {@link Reason}: ppolicy response controls and AD diagnostics. */
class PasswordRefusalTests {

    private static LDAPException ppolicy(
            ResultCode code, String diagnostic, DraftBeheraLDAPPasswordPolicy10ErrorType error) {
        Control control = new DraftBeheraLDAPPasswordPolicy10ResponseControl(null, -1, error);
        return new LDAPException(new LDAPResult(1, code, diagnostic, null, null, new Control[] {control}));
    }

    /** A failure as the SDK reports a server's answer: the diagnostic message is the server's. */
    private static LDAPException failure(ResultCode code, String diagnostic) {
        return new LDAPException(new LDAPResult(1, code, diagnostic, null, (String[]) null, (Control[]) null));
    }

    @Test
    void refusalWhenThePpolicyControlSaysTooShortThenTooShort() {
        DirectoryRejectedPasswordException refusal = OpenLdapFlavor.refusal(ppolicy(
                ResultCode.CONSTRAINT_VIOLATION,
                "Password fails quality checking policy",
                DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_TOO_SHORT));
        assertThat(refusal.reason()).isEqualTo(Reason.TOO_SHORT);
        assertThat(refusal.getMessage()).isEqualTo("Password fails quality checking policy");
    }

    @Test
    void refusalWhenThePpolicyControlSaysInHistoryThenInHistory() {
        assertThat(OpenLdapFlavor.refusal(ppolicy(
                                ResultCode.CONSTRAINT_VIOLATION,
                                "Password is in history of old passwords",
                                DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_IN_HISTORY))
                        .reason())
                .isEqualTo(Reason.IN_HISTORY);
    }

    @Test
    void refusalWhenThePpolicyControlSaysTooYoungThenTooYoung() {
        assertThat(OpenLdapFlavor.refusal(ppolicy(
                                ResultCode.CONSTRAINT_VIOLATION,
                                "Password is too young to change",
                                DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_TOO_YOUNG))
                        .reason())
                .isEqualTo(Reason.TOO_YOUNG);
    }

    @Test
    void refusalWhenThePpolicyControlSaysInsufficientQualityThenQuality() {
        assertThat(OpenLdapFlavor.refusal(ppolicy(
                                ResultCode.CONSTRAINT_VIOLATION,
                                "Password fails quality checking policy",
                                DraftBeheraLDAPPasswordPolicy10ErrorType.INSUFFICIENT_PASSWORD_QUALITY))
                        .reason())
                .isEqualTo(Reason.QUALITY);
    }

    @Test
    void refusalWhenAConstraintViolationHasNoControlThenOtherWithTheDiagnostic() {
        DirectoryRejectedPasswordException refusal = OpenLdapFlavor.refusal(failure(
                ResultCode.CONSTRAINT_VIOLATION,
                "invalid password syntax - password must be at least 8 characters long"));
        assertThat(refusal.reason()).isEqualTo(Reason.OTHER);
        assertThat(refusal.getMessage()).contains("at least 8 characters");
    }

    @Test
    void refusalWhenTheServiceAccountLacksTheRightThenNoRefusal() {
        assertThat(OpenLdapFlavor.refusal(failure(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, "no write access")))
                .isNull();
        assertThat(OpenLdapFlavor.refusal(failure(ResultCode.SERVER_DOWN, "connection closed")))
                .isNull();
    }

    @Test
    void adRefusalWhenActiveDirectorySays52dThenQualityBecauseItNamesNoRule() {
        DirectoryRejectedPasswordException refusal = ActiveDirectoryFlavor.refusal(failure(
                ResultCode.CONSTRAINT_VIOLATION,
                "0000052D: AtrErr: DSID-03191083, #1:\n\t0: 0000052D: DSID-03191083, problem 1005 (CONSTRAINT_ATT_TYPE), data 0,"
                        + " Att 9005a (unicodePwd)\n"));
        assertThat(refusal.reason()).isEqualTo(Reason.QUALITY);
    }

    @Test
    void adRefusalWhenSambaNamesTheRuleThenThatRule() {
        assertThat(ActiveDirectoryFlavor.refusal(failure(
                                ResultCode.CONSTRAINT_VIOLATION,
                                "0000052D: Constraint violation - check_password_restrictions: the password is too short. It should be equal"
                                        + " or longer than 7 characters!"))
                        .reason())
                .isEqualTo(Reason.TOO_SHORT);
        assertThat(ActiveDirectoryFlavor.refusal(
                                failure(
                                        ResultCode.CONSTRAINT_VIOLATION,
                                        "0000052D: Constraint violation - check_password_restrictions: the password was already used (in history)!"))
                        .reason())
                .isEqualTo(Reason.IN_HISTORY);
        assertThat(ActiveDirectoryFlavor.refusal(failure(
                                ResultCode.CONSTRAINT_VIOLATION,
                                "0000052D: Constraint violation - check_password_restrictions: the password does not meet the complexity"
                                        + " criteria!"))
                        .reason())
                .isEqualTo(Reason.QUALITY);
    }

    @Test
    void adRefusalWhenTheConnectionIsNotEncryptedThenNoRefusal() {
        assertThat(ActiveDirectoryFlavor.refusal(failure(
                        ResultCode.UNWILLING_TO_PERFORM,
                        "0000001F: SvcErr: DSID-031A12D2, problem 5003 (WILL_NOT_PERFORM), data 0")))
                .isNull();
    }

    @Test
    void unicodePwdIsTheQuotedPasswordInUtf16LittleEndian() {
        assertThat(ActiveDirectoryFlavor.unicodePwd("Pä1")).isEqualTo("\"Pä1\"".getBytes(StandardCharsets.UTF_16LE));
    }

    @Test
    void policyHintsControlCarriesASequenceWithFlagOne() throws Exception {
        Control control = ActiveDirectoryFlavor.policyHintsControl(ActiveDirectoryFlavor.POLICY_HINTS_DEPRECATED_OID);
        assertThat(control.getOID()).isEqualTo("1.2.840.113556.1.4.2066");
        assertThat(control.isCritical()).isFalse();
        ASN1Element[] elements =
                ASN1Sequence.decodeAsSequence(control.getValue().getValue()).elements();
        assertThat(elements).hasSize(1);
        assertThat(ASN1Integer.decodeAsInteger(elements[0]).intValue()).isEqualTo(1);
    }
}
