package org.opensspr.agent.logon;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import javax.swing.text.JTextComponent;

/**
 * The reset dialogue in a window, for the graphical sign-in screen ({@code logon --window}): the
 * same {@link LogonDialogue} as at a text login, shown in one undecorated, full-screen,
 * always-on-top window that cannot be closed, with the dialogue's lines and one input field. It is
 * the only thing the {@code reset} account's X session runs (no window manager, no terminal), so it
 * offers nothing but the dialogue: no menu, no clipboard or drag and drop, no link, no file dialog;
 * what the user types is input to the dialogue and nothing else (a URL is a user name that is not
 * found). Secrets are read in a password field that shows nothing of what is typed.
 *
 * <p>Every read waits at most until the window's deadline: after it the dialogue sees the end of
 * the input and stops ("Reset cancelled."), as a text login does on Ctrl+D. Swing runs on its own
 * thread (the EDT); the dialogue's thread only waits on a queue that the EDT fills on Enter (an
 * answer) or Escape (cancel).
 */
public final class LogonWindow implements LogonTerminal, AutoCloseable {

    /** What the dialogue thread is given when the user presses Escape or the time is up. */
    private static final Object END = new Object();

    private static final int MAX_LINES = 400;

    public static final String TITLE = "Reset password";
    public static final String ACKNOWLEDGE = "Press Enter to return to the sign-in screen.";

    private final long deadline;
    private final BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
    private JFrame frame;
    private JTextArea transcript;
    private JLabel prompt;
    private JTextField line;
    private JPasswordField secret;
    private CardLayout cards;
    private JPanel fields;
    private volatile boolean secretMode;

    private LogonWindow(Duration timeout) {
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    /**
     * Opens the window on the default screen; every read gives up at {@code timeout} from now.
     *
     * @throws java.awt.HeadlessException when there is no display (no {@code DISPLAY}, {@code java.awt.headless})
     */
    static LogonWindow open(Duration timeout) {
        if (GraphicsEnvironment.isHeadless()) {
            throw new java.awt.HeadlessException("logon --window needs a display (DISPLAY is not set)");
        }
        LogonWindow window = new LogonWindow(timeout);
        onEdt(window::build);
        return window;
    }

    private void build() {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 22);
        Color background = new Color(0x1f, 0x3a, 0x5f);
        Color foreground = Color.WHITE;

        transcript = new JTextArea();
        transcript.setEditable(false);
        transcript.setFocusable(false);
        transcript.setLineWrap(true);
        transcript.setWrapStyleWord(true);
        transcript.setFont(font);
        transcript.setBackground(background);
        transcript.setForeground(foreground);
        transcript.setTransferHandler(null);
        transcript.setDragEnabled(false);
        JScrollPane scroll = new JScrollPane(transcript);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.setFocusable(false);
        scroll.getVerticalScrollBar().setFocusable(false);
        scroll.setHorizontalScrollBarPolicy(JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);

        JLabel title = new JLabel("Reset password");
        title.setFont(font.deriveFont(Font.BOLD, 34f));
        title.setForeground(foreground);
        title.setBorder(BorderFactory.createEmptyBorder(0, 0, 24, 0));

        prompt = new JLabel(" ");
        prompt.setFont(font.deriveFont(Font.BOLD));
        prompt.setForeground(foreground);
        line = lockedDown(new JTextField(40), font);
        secret = lockedDown(new JPasswordField(40), font);
        // Nothing of a secret is shown, not even one dot per character, as at a text login.
        secret.setEchoChar(' ');
        cards = new CardLayout();
        fields = new JPanel(cards);
        fields.add(line, "line");
        fields.add(secret, "secret");
        JPanel input = new JPanel(new BorderLayout(0, 8));
        input.setOpaque(false);
        input.add(prompt, BorderLayout.NORTH);
        input.add(fields, BorderLayout.CENTER);
        JLabel help = new JLabel("Enter: continue    Esc: cancel and return to the sign-in screen");
        help.setFont(font.deriveFont(16f));
        help.setForeground(new Color(0xc8, 0xd6, 0xe8));
        input.add(help, BorderLayout.SOUTH);

        JPanel content = new JPanel(new BorderLayout(0, 16));
        content.setBackground(background);
        content.setBorder(BorderFactory.createEmptyBorder(48, 96, 48, 96));
        content.add(title, BorderLayout.NORTH);
        content.add(scroll, BorderLayout.CENTER);
        content.add(input, BorderLayout.SOUTH);

        frame = new JFrame(TITLE);
        frame.setUndecorated(true);
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.setAlwaysOnTop(true);
        frame.setResizable(false);
        frame.setContentPane(content);
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getDefaultScreenDevice()
                .getDefaultConfiguration()
                .getBounds();
        frame.setBounds(screen);
        frame.setVisible(true);
        frame.toFront();
        line.requestFocusInWindow();
    }

    /** An input field that is only that: Enter answers, Escape cancels; no clipboard, no drag and drop. */
    private <T extends JTextComponent> T lockedDown(T field, Font font) {
        field.setFont(font);
        field.setTransferHandler(null);
        field.setDragEnabled(false);
        field.setFocusTraversalKeysEnabled(false);
        field.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createLineBorder(Color.WHITE, 2), BorderFactory.createEmptyBorder(6, 8, 6, 8)));
        field.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "sspr-answer");
        field.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "sspr-cancel");
        field.getActionMap().put("sspr-answer", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                answer();
            }
        });
        field.getActionMap().put("sspr-cancel", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                answers.add(END);
            }
        });
        return field;
    }

    /** On the EDT: hands what is in the field to the waiting dialogue and empties the field. */
    private void answer() {
        if (secretMode) {
            answers.add(secret.getPassword());
            secret.setText("");
            appendNow(prompt.getText());
        } else {
            String text = line.getText();
            answers.add(text);
            line.setText("");
            appendNow(prompt.getText() + text);
        }
        prompt.setText(" ");
    }

    @Override
    public void println(String text) {
        SwingUtilities.invokeLater(() -> appendNow(text));
    }

    private void appendNow(String text) {
        transcript.append(text + "\n");
        int lines = transcript.getLineCount();
        if (lines > MAX_LINES) {
            try {
                transcript.replaceRange("", 0, transcript.getLineStartOffset(lines - MAX_LINES));
            } catch (javax.swing.text.BadLocationException e) {
                // the text changed under us: keep it whole
            }
        }
        transcript.setCaretPosition(transcript.getDocument().getLength());
    }

    @Override
    public String readLine(String text) {
        Object answer = read(text, false);
        return answer instanceof String s ? s : null;
    }

    @Override
    public char[] readSecret(String text) {
        Object answer = read(text, true);
        return answer instanceof char[] c ? c : null;
    }

    private Object read(String text, boolean isSecret) {
        drainStale();
        SwingUtilities.invokeLater(() -> {
            secretMode = isSecret;
            prompt.setText(text);
            cards.show(fields, isSecret ? "secret" : "line");
            (isSecret ? secret : line).requestFocusInWindow();
            shown(text);
        });
        try {
            long left = deadline - System.nanoTime();
            Object answer = left <= 0 ? null : answers.poll(left, TimeUnit.NANOSECONDS);
            if (answer == null) {
                println("The time for this reset is up.");
                return END;
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return END;
        }
    }

    /**
     * On the EDT, once a question is on screen: paints it now and names it in the window's title
     * ("Reset password: User name:"), which no one sees (the window has no frame) but assistive
     * technology and tests read: when the title names a question, the screen shows it.
     */
    private void shown(String question) {
        frame.validate();
        JComponent content = (JComponent) frame.getContentPane();
        content.paintImmediately(content.getBounds());
        java.awt.Toolkit.getDefaultToolkit().sync();
        frame.setTitle(TITLE + ": " + question.strip());
    }

    /** An Enter pressed while no question was open answers nothing: it must not answer the next question. */
    private void drainStale() {
        Object stale;
        while ((stale = answers.poll()) != null) {
            if (stale instanceof char[] c) {
                Arrays.fill(c, '\0');
            }
        }
    }

    /**
     * After the dialogue: shows that Enter returns to the sign-in screen and waits for it (or Escape),
     * at most {@code max} and never past the deadline, so that the user can read the result.
     */
    void awaitAcknowledgement(Duration max) {
        drainStale();
        SwingUtilities.invokeLater(() -> {
            secretMode = false;
            prompt.setText(ACKNOWLEDGE);
            cards.show(fields, "line");
            line.requestFocusInWindow();
            shown(ACKNOWLEDGE);
        });
        long until = Math.min(deadline, System.nanoTime() + max.toNanos());
        try {
            long left = until - System.nanoTime();
            if (left > 0) {
                answers.poll(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the window and wipes what the fields may still hold. */
    @Override
    public void close() {
        onEdt(() -> {
            secret.setText("");
            line.setText("");
            transcript.setText("");
            frame.dispose();
        });
        drainStale();
    }

    private static void onEdt(Runnable task) {
        if (SwingUtilities.isEventDispatchThread()) {
            task.run();
            return;
        }
        try {
            SwingUtilities.invokeAndWait(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the window failed: " + e.getCause(), e.getCause());
        }
    }
}
