package loopsmith.server;

/** A request the server refuses, with the HTTP status to answer and a reason the client can show. */
public final class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
