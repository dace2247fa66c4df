package org.opensspr.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opensspr.devices.ConfigurationProfile;
import org.opensspr.devices.DeviceService;
import org.opensspr.devices.DeviceSummary;
import org.opensspr.devices.JoinTokenService;
import org.opensspr.devices.ProfileService;
import org.opensspr.devices.ReadinessFinding;
import org.opensspr.web.Callers;
import org.opensspr.web.PageErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/devices}: the fleet at a glance, like Intune's device blades: readiness across the
 * fleet (how many devices each rule blocks), every device with its verdict, groups and effective
 * configuration (the merge of the profiles its groups get, with the profile each setting came from),
 * the configuration profiles, and join tokens (a new token is shown once).
 */
@Controller
class DevicesPageController {

    private static final String PAGE = "/admin/devices";

    /** The join tokens one page lists, newest first. */
    private static final int TOKENS_SHOWN = 100;

    private final DeviceService devices;
    private final ProfileService profiles;
    private final JoinTokenService joinTokens;
    private final PageErrors errors;

    DevicesPageController(
            DeviceService devices, ProfileService profiles, JoinTokenService joinTokens, PageErrors errors) {
        this.devices = devices;
        this.profiles = profiles;
        this.joinTokens = joinTokens;
        this.errors = errors;
    }

    @GetMapping(PAGE)
    String show(@RequestParam(required = false) String done, Model model) {
        page(model);
        model.addAttribute("done", done);
        return "admin/devices";
    }

    @PostMapping(PAGE + "/{id}/enable")
    String enable(@PathVariable String id, HttpServletRequest request) {
        devices.setEnabled(id, true, Callers.from(request));
        return "redirect:" + PAGE + "?done=enabled";
    }

    @PostMapping(PAGE + "/{id}/disable")
    String disable(@PathVariable String id, HttpServletRequest request) {
        devices.setEnabled(id, false, Callers.from(request));
        return "redirect:" + PAGE + "?done=disabled";
    }

    @PostMapping(PAGE + "/{id}/delete")
    String delete(@PathVariable String id, HttpServletRequest request) {
        devices.delete(id, Callers.from(request));
        return "redirect:" + PAGE + "?done=deleted";
    }

    @PostMapping(PAGE + "/join-tokens")
    String issue(
            @RequestParam(required = false) Integer uses,
            @RequestParam(required = false) Integer hours,
            @RequestParam(defaultValue = "") String groups,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        page(model);
        if (uses == null || uses < 1 || uses > 1000) {
            model.addAttribute(
                    "error",
                    ConsoleForms.console(errors.ofKey("console.devices.token.invalid.uses", "uses", PAGE, locale)));
            return "admin/devices";
        }
        if (hours == null || hours < 1 || hours > 720) {
            model.addAttribute(
                    "error",
                    ConsoleForms.console(errors.ofKey("console.devices.token.invalid.hours", "hours", PAGE, locale)));
            return "admin/devices";
        }
        try {
            model.addAttribute("issuedToken", joinTokens.issue(uses, hours, list(groups), Callers.from(request)));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", ConsoleForms.console(errors.of(e, "groups", PAGE, locale)));
        }
        return "admin/devices";
    }

    @PostMapping(PAGE + "/join-tokens/{id}/revoke")
    String revoke(@PathVariable String id, HttpServletRequest request) {
        joinTokens.revoke(id, Callers.from(request));
        return "redirect:" + PAGE + "?done=revoked";
    }

    private void page(Model model) {
        model.addAttribute("joinTokens", joinTokens.list(0, TOKENS_SHOWN));
        List<DeviceSummary> all = devices.list();
        List<ConfigurationProfile> allProfiles = profiles.all();
        model.addAttribute("devices", all);
        model.addAttribute("profiles", allProfiles);
        model.addAttribute(
                "effective",
                all.stream()
                        .collect(Collectors.toMap(
                                DeviceSummary::id, device -> profiles.effectiveFor(device.groups()), (a, b) -> a)));
        model.addAttribute("blockedByRule", blockedByRule(all));
        model.addAttribute(
                "readyCount",
                all.stream().filter(d -> Boolean.TRUE.equals(d.ready())).count());
        model.addAttribute(
                "notReadyCount",
                all.stream().filter(d -> Boolean.FALSE.equals(d.ready())).count());
        model.addAttribute(
                "unknownCount", all.stream().filter(d -> d.ready() == null).count());
    }

    /** How many devices each rule blocks (an {@code error} finding), most first. */
    static Map<String, Long> blockedByRule(List<DeviceSummary> devices) {
        Map<String, Long> counts = devices.stream()
                .flatMap(device -> device.findings().stream()
                        .filter(finding -> "error".equals(finding.severity()))
                        .map(ReadinessFinding::rule)
                        .distinct())
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split("[,\\s]+"))
                .map(String::strip)
                .filter(group -> !group.isEmpty())
                .toList();
    }
}
