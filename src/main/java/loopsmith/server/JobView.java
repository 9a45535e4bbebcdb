package loopsmith.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A job as the API describes it: status, progress, the reason it failed, or its result folders with file URLs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(String job, String status, double progress, double seconds, String error, List<String> warnings,
                      List<ResultView> results) { }
