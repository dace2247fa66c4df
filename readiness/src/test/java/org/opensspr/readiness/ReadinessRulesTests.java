package org.opensspr.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule of docs/architecture.md (5.10) with a device that breaks it and one that does not. */
class ReadinessRulesTests {

    private static final String SYSTEM = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\";
    private final ReadinessRules rules = new ReadinessRules();

    /** Windows 10 22H2 Enterprise, joined, at the console, with the reset turned on by its profile. */
    private static DeviceState ready() {
        return DeviceState.windows(19045, "Enterprise").withSetting(OmaUris.ALLOW_PASSWORD_RESET, 1L);
    }

    private Finding finding(DeviceState device, String rule) {
        return rules.evaluate(device).finding(rule);
    }

    @Test
    void evaluateWhenEverythingIsInPlaceThenReadyWithoutFindings() {
        Verdict verdict = rules.evaluate(ready());
        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.ready()).isTrue();
    }

    @Test
    void evaluateWhenOnlyAWarningThenStillReady() {
        Verdict verdict = rules.evaluate(ready().withDot1xBeforeLogon(true));
        assertThat(verdict.findings()).extracting(Finding::rule).containsExactly(ReadinessRules.DOT1X_PRELOGON);
        assertThat(verdict.ready()).isTrue();
    }

    @Test
    void everyFindingHasAMessageAndARemedyAndRulesComeInTableOrder() {
        DeviceState broken = new DeviceState(
                        "Windows",
                        17763,
                        "1809",
                        "Enterprise",
                        "domain",
                        false,
                        SessionType.RDP,
                        java.util.Map.of(),
                        java.util.Map.of(),
                        true,
                        true)
                .withRegistry(SYSTEM + "DisableCAD", 0)
                .withRegistry(RegistryPaths.DISABLE_LOCK_SCREEN_APP_NOTIFICATIONS, 1)
                .withRegistry(SYSTEM + "EnableLUA", 0);
        Verdict verdict = rules.evaluate(broken);
        assertThat(verdict.ready()).isFalse();
        assertThat(verdict.findings()).allSatisfy(f -> {
            assertThat(f.message()).isNotBlank();
            assertThat(f.remedy()).isNotBlank();
        });
        assertThat(verdict.findings())
                .extracting(Finding::rule)
                .isSortedAccordingTo(java.util.Comparator.comparingInt(ReadinessRules.IDS::indexOf));
    }

    @Nested
    class OsVersion {
        @Test
        void windows10Before1803IsAnError() {
            assertThat(finding(
                            DeviceState.windows(16299, "Pro").withSetting(OmaUris.ALLOW_PASSWORD_RESET, 1),
                            ReadinessRules.OS_VERSION))
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        }

        @Test
        void anUnknownBuildSaysTheVersionIsUnknownAndHowToReportItNotToUpdateWindows() {
            DeviceState noBuild = DeviceState.windows(0, null).withSetting(OmaUris.ALLOW_PASSWORD_RESET, 1);

            Finding finding = finding(noBuild, ReadinessRules.OS_VERSION);

            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.message())
                    .startsWith("The Windows version is unknown")
                    .contains("CurrentBuildNumber");
            assertThat(finding.remedy())
                    .contains("reg export \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\"")
                    .contains("sspr-agent check on the device itself")
                    .doesNotContain("Update Windows")
                    .doesNotContain("Upgrade");
        }

        @Test
        void anOldBuildStillGetsUpdateWindows() {
            assertThat(finding(DeviceState.windows(17133, "Pro"), ReadinessRules.OS_VERSION)
                            .remedy())
                    .startsWith("Update Windows to version 1803");
        }

        @Test
        void windows7IsToldToUseThePortalBecauseOpenSsprHasNoLegacyComponent() {
            assertThat(finding(DeviceState.windows(7601, "Pro"), ReadinessRules.OS_VERSION)
                            .remedy())
                    .contains("users reset at the web portal")
                    .contains("OpenSSPR has no legacy sign-in screen component")
                    .doesNotContain("need the separate");
        }

        @Test
        void windows7NeedsTheLegacyPath() {
            assertThat(finding(DeviceState.windows(7601, "Pro"), ReadinessRules.OS_VERSION)
                            .remedy())
                    .contains("legacy");
        }

        @Test
        void windows10Of1803AndWindows11Pass() {
            assertThat(finding(DeviceState.windows(17134, "Pro"), ReadinessRules.OS_VERSION))
                    .isNull();
            assertThat(finding(DeviceState.windows(26100, "Pro"), ReadinessRules.OS_VERSION))
                    .isNull();
        }
    }

    @Nested
    class JoinState {
        @Test
        void notJoinedIsAnError() {
            assertThat(finding(ready().withJoined(false), ReadinessRules.JOIN_STATE))
                    .isNotNull();
        }

        @Test
        void joinedPasses() {
            assertThat(finding(ready(), ReadinessRules.JOIN_STATE)).isNull();
        }
    }

    @Nested
    class PolicyDisabled {
        @Test
        void neitherProfileNorRegistryIsAnError() {
            assertThat(finding(DeviceState.windows(19045, "Pro"), ReadinessRules.POLICY_DISABLED))
                    .isNotNull();
            assertThat(finding(
                            DeviceState.windows(19045, "Pro").withSetting(OmaUris.ALLOW_PASSWORD_RESET, 0),
                            ReadinessRules.POLICY_DISABLED))
                    .isNotNull();
        }

        @Test
        void theDeviceFormOfTheSettingEnablesIt() {
            assertThat(finding(
                            DeviceState.windows(19045, "Pro")
                                    .withSetting(
                                            "./Device/Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset",
                                            1),
                            ReadinessRules.POLICY_DISABLED))
                    .isNull();
        }

        @Test
        void theRegistryValueEnablesIt() {
            assertThat(finding(
                            DeviceState.windows(19045, "Pro")
                                    .withRegistry(
                                            "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\AzureADAccount\\AllowPasswordReset",
                                            1),
                            ReadinessRules.POLICY_DISABLED))
                    .isNull();
        }
    }

    @Nested
    class RemoteSession {
        @Test
        void rdpAndEnhancedHyperVAreErrors() {
            assertThat(finding(ready().withSessionType(SessionType.RDP), ReadinessRules.REMOTE_SESSION))
                    .isNotNull();
            assertThat(finding(
                            ready().withSessionType(SessionType.parse("hyperv-enhanced")),
                            ReadinessRules.REMOTE_SESSION))
                    .isNotNull();
        }

        @Test
        void consolePasses() {
            assertThat(finding(ready().withSessionType(SessionType.parse("console")), ReadinessRules.REMOTE_SESSION))
                    .isNull();
        }
    }

    @Nested
    class ThirdPartyCredentialProvider {
        @Test
        void anUnknownProviderIsAWarning() {
            Finding f = finding(
                    ready().withRegistry(
                                    RegistryPaths.CREDENTIAL_PROVIDERS
                                            + "{11111111-2222-3333-4444-555555555555}\\(Default)",
                                    "Acme"),
                    ReadinessRules.THIRD_PARTY_CREDENTIAL_PROVIDER);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("{11111111-2222-3333-4444-555555555555}");
        }

        @Test
        void microsoftsOwnProvidersPass() {
            assertThat(finding(
                            ready().withRegistry(
                                            RegistryPaths.CREDENTIAL_PROVIDERS
                                                    + "{60B78E88-EAD8-445C-9CFD-0B87F74EA6CD}\\(Default)",
                                            "PasswordProvider"),
                            ReadinessRules.THIRD_PARTY_CREDENTIAL_PROVIDER))
                    .isNull();
        }
    }

    @Nested
    class UacDisabled {
        @Test
        void enableLuaZeroIsAnError() {
            assertThat(finding(ready().withRegistry(SYSTEM + "EnableLUA", 0), ReadinessRules.UAC_DISABLED))
                    .isNotNull();
        }

        @Test
        void enableLuaOnePasses() {
            assertThat(finding(ready().withRegistry(SYSTEM + "EnableLUA", 1), ReadinessRules.UAC_DISABLED))
                    .isNull();
        }
    }

    @Nested
    class CtrlAltDel1809 {
        @Test
        void build17763WithCtrlAltDelRequiredIsAnError() {
            assertThat(finding(
                            DeviceState.windows(17763, "Pro").withRegistry(SYSTEM + "DisableCAD", 0),
                            ReadinessRules.CTRL_ALT_DEL_1809))
                    .isNotNull();
        }

        @Test
        void otherBuildsOrCtrlAltDelNotRequiredPass() {
            assertThat(finding(
                            DeviceState.windows(17763, "Pro").withRegistry(SYSTEM + "DisableCAD", 1),
                            ReadinessRules.CTRL_ALT_DEL_1809))
                    .isNull();
            assertThat(finding(
                            DeviceState.windows(19045, "Pro").withRegistry(SYSTEM + "DisableCAD", 0),
                            ReadinessRules.CTRL_ALT_DEL_1809))
                    .isNull();
        }
    }

    @Nested
    class LockScreenNotificationsDisabled {
        @Test
        void notificationsOffIsAnError() {
            assertThat(finding(
                            ready().withRegistry(RegistryPaths.DISABLE_LOCK_SCREEN_APP_NOTIFICATIONS, 1),
                            ReadinessRules.LOCK_SCREEN_NOTIFICATIONS_DISABLED))
                    .isNotNull();
        }

        @Test
        void notificationsOnPass() {
            assertThat(finding(
                            ready().withRegistry(RegistryPaths.DISABLE_LOCK_SCREEN_APP_NOTIFICATIONS, 0),
                            ReadinessRules.LOCK_SCREEN_NOTIFICATIONS_DISABLED))
                    .isNull();
        }
    }

    @Nested
    class HideFastUserSwitching {
        @Test
        void hiddenIsAnError() {
            assertThat(finding(
                            ready().withRegistry(SYSTEM + "HideFastUserSwitching", 1),
                            ReadinessRules.HIDE_FAST_USER_SWITCHING))
                    .isNotNull();
        }

        @Test
        void shownPasses() {
            assertThat(finding(
                            ready().withRegistry(SYSTEM + "HideFastUserSwitching", 0),
                            ReadinessRules.HIDE_FAST_USER_SWITCHING))
                    .isNull();
        }
    }

    @Nested
    class DontDisplayLastUserName {
        @Test
        void hiddenLastUserIsAnError() {
            assertThat(finding(
                            ready().withRegistry(SYSTEM + "DontDisplayLastUserName", 1L),
                            ReadinessRules.DONT_DISPLAY_LAST_USER_NAME))
                    .isNotNull();
        }

        @Test
        void shownLastUserPasses() {
            assertThat(finding(
                            ready().withRegistry(SYSTEM + "DontDisplayLastUserName", 0L),
                            ReadinessRules.DONT_DISPLAY_LAST_USER_NAME))
                    .isNull();
        }
    }

    @Nested
    class NoLockScreen {
        @Test
        void noLockScreenIsAnError() {
            assertThat(finding(ready().withRegistry(RegistryPaths.NO_LOCK_SCREEN, "1"), ReadinessRules.NO_LOCK_SCREEN))
                    .isNotNull();
        }

        @Test
        void lockScreenShownPasses() {
            assertThat(finding(ready().withRegistry(RegistryPaths.NO_LOCK_SCREEN, "0"), ReadinessRules.NO_LOCK_SCREEN))
                    .isNull();
        }
    }

    @Nested
    class LostMode {
        @Test
        void lostModeIsAnError() {
            assertThat(finding(ready().withLostMode(true), ReadinessRules.LOST_MODE))
                    .isNotNull();
        }

        @Test
        void notLostPasses() {
            assertThat(finding(ready().withLostMode(false), ReadinessRules.LOST_MODE))
                    .isNull();
        }
    }

    @Nested
    class CustomShell {
        @Test
        void aKioskShellIsAnError() {
            assertThat(finding(
                            ready().withRegistry(RegistryPaths.WINLOGON_SHELL, "C:\\Kiosk\\kiosk.exe"),
                            ReadinessRules.CUSTOM_SHELL))
                    .isNotNull();
        }

        @Test
        void explorerPasses() {
            assertThat(finding(
                            ready().withRegistry(RegistryPaths.WINLOGON_SHELL, "Explorer.EXE"),
                            ReadinessRules.CUSTOM_SHELL))
                    .isNull();
        }
    }

    @Nested
    class CadNotificationsSkuCombination {
        private DeviceState combination(String edition) {
            return DeviceState.windows(19045, edition)
                    .withSetting(OmaUris.ALLOW_PASSWORD_RESET, 1)
                    .withRegistry(SYSTEM + "DisableCAD", 0)
                    .withRegistry(RegistryPaths.DISABLE_LOCK_SCREEN_APP_NOTIFICATIONS, 1);
        }

        @Test
        void allThreeOnEnterpriseIsAnError() {
            assertThat(finding(combination("Enterprise"), ReadinessRules.CAD_NOTIFICATIONS_SKU_COMBINATION))
                    .isNotNull();
        }

        @Test
        void theMessageNamesTheEditionWithTheRightArticle() {
            assertThat(finding(combination("Enterprise"), ReadinessRules.CAD_NOTIFICATIONS_SKU_COMBINATION)
                            .message())
                    .contains("are off on the Enterprise edition:");
            assertThat(finding(combination(null), ReadinessRules.CAD_NOTIFICATIONS_SKU_COMBINATION)
                            .message())
                    .contains("are off on a non-Home, non-Pro edition:");
        }

        @Test
        void homeAndProOrCtrlAltDelNotRequiredPass() {
            assertThat(finding(combination("Home"), ReadinessRules.CAD_NOTIFICATIONS_SKU_COMBINATION))
                    .isNull();
            assertThat(finding(combination("Pro"), ReadinessRules.CAD_NOTIFICATIONS_SKU_COMBINATION))
                    .isNull();
            assertThat(finding(
                            combination("Enterprise").withRegistry(SYSTEM + "DisableCAD", 1),
                            ReadinessRules.CAD_NOTIFICATIONS_SKU_COMBINATION))
                    .isNull();
        }
    }

    @Nested
    class SmartCardRequired {
        @Test
        void smartCardForcedIsAnError() {
            assertThat(finding(ready().withRegistry(SYSTEM + "scforceoption", 1), ReadinessRules.SMART_CARD_REQUIRED))
                    .isNotNull();
        }

        @Test
        void smartCardOptionalPasses() {
            assertThat(finding(ready().withRegistry(SYSTEM + "scforceoption", 0), ReadinessRules.SMART_CARD_REQUIRED))
                    .isNull();
        }
    }

    @Nested
    class BlockNonAdminUserInstall {
        @Test
        void blockedIsAnError() {
            assertThat(finding(
                            ready().withRegistry(RegistryPaths.BLOCK_NON_ADMIN_USER_INSTALL, 1),
                            ReadinessRules.BLOCK_NON_ADMIN_USER_INSTALL))
                    .isNotNull();
        }

        @Test
        void allowedPasses() {
            assertThat(finding(
                            ready().withRegistry(RegistryPaths.BLOCK_NON_ADMIN_USER_INSTALL, 0),
                            ReadinessRules.BLOCK_NON_ADMIN_USER_INSTALL))
                    .isNull();
        }
    }

    @Nested
    class Tls12Disabled {
        @Test
        void windows7WithTls12OnlyNegotiableIsAnError() {
            DeviceState device = DeviceState.windows(7601, "Pro")
                    .withRegistry(RegistryPaths.TLS12_CLIENT_ENABLED, 1)
                    .withRegistry(RegistryPaths.TLS12_CLIENT_DISABLED_BY_DEFAULT, 1);
            assertThat(finding(device, ReadinessRules.TLS12_DISABLED)).isNotNull();
            assertThat(finding(DeviceState.windows(9600, "Pro"), ReadinessRules.TLS12_DISABLED))
                    .isNotNull();
        }

        @Test
        void windows7WithTls12EnabledOrWindows10Pass() {
            DeviceState device = DeviceState.windows(7601, "Pro")
                    .withRegistry(RegistryPaths.TLS12_CLIENT_ENABLED, 1)
                    .withRegistry(RegistryPaths.TLS12_CLIENT_DISABLED_BY_DEFAULT, 0);
            assertThat(finding(device, ReadinessRules.TLS12_DISABLED)).isNull();
            assertThat(finding(ready(), ReadinessRules.TLS12_DISABLED)).isNull();
        }
    }

    @Nested
    class Dot1xPreLogon {
        @Test
        void beforeUserLogonIsAWarning() {
            assertThat(finding(ready().withDot1xBeforeLogon(true), ReadinessRules.DOT1X_PRELOGON)
                            .severity())
                    .isEqualTo(Severity.WARNING);
        }

        @Test
        void machineAuthenticationPasses() {
            assertThat(finding(ready().withDot1xBeforeLogon(false), ReadinessRules.DOT1X_PRELOGON))
                    .isNull();
        }
    }

    @Test
    void windowsRulesDoNotApplyToLinux() {
        DeviceState linux = new DeviceState(
                "Linux",
                0,
                "Debian 13",
                null,
                "workgroup",
                true,
                SessionType.CONSOLE,
                java.util.Map.of(RegistryPaths.NO_LOCK_SCREEN, 1),
                java.util.Map.of(OmaUris.ALLOW_PASSWORD_RESET, 1),
                false,
                false);
        assertThat(rules.evaluate(linux).findings()).isEmpty();
    }
}
