package loopsmith.tokens;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import loopsmith.music.Role;

/** Tokens do not carry track names: decoded (and quantized) tracks are named after their role, "Bass", "Bass 2". */
final class TrackNames {
    private TrackNames() {}

    static List<String> canonical(List<Role> roles) {
        Map<Role, Integer> total = new EnumMap<>(Role.class);
        for (Role r : roles) total.merge(r, 1, Integer::sum);
        Map<Role, Integer> seen = new EnumMap<>(Role.class);
        List<String> names = new ArrayList<>(roles.size());
        for (Role r : roles) {
            int n = seen.merge(r, 1, Integer::sum);
            names.add(total.get(r) > 1 && n > 1 ? r.displayName() + " " + n : r.displayName());
        }
        return names;
    }
}
