package io.jdash.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A servlet of another WAR at the server's root (OwnWarIT): answers GET and POST with plain text. */
@WebServlet(urlPatterns = {"/hello", "/apps/*"})
public class HostServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write("host " + request.getMethod() + " " + request.getRequestURI());
    }
}
