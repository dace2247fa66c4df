package org.opensspr.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.opensspr.system.CodedProblem;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body beyond {@code sspr.capacity.max-request-size} (1 MiB by default): a declared
 * {@code Content-Length} over it is answered {@code 413 payload-too-large} before anything is
 * read; a body without a length (chunked) is cut off where it passes the limit, and the request
 * fails with the same {@code 413} ({@link ProblemAdvice}). The largest honest body, a configuration
 * profile or a device inventory, is tens of kilobytes; four concurrent 60 MB bodies once ran a
 * 384 MB heap out of memory.
 */
final class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final ProblemResponses problems;

    RequestSizeLimit(long maxBytes, ProblemResponses problems) {
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            response.setHeader("Connection", "close"); // do not read the rest of it
            problems.write(request, response, ProblemCode.PAYLOAD_TOO_LARGE, maxBytes);
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Limited(request, maxBytes), response);
    }

    /** The body went past the limit while it was read; {@link ProblemAdvice} answers {@link #problem()}. */
    static final class TooLargeException extends IOException {

        private static final long serialVersionUID = 1L;
        private final long maxBytes;

        TooLargeException(long maxBytes) {
            super("the request body passed " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        CodedProblem problem() {
            return Problems.of(ProblemCode.PAYLOAD_TOO_LARGE, maxBytes);
        }
    }

    /** A request whose body stream fails once more than {@code maxBytes} were read from it. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        LimitedStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
