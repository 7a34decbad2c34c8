package io.poollab.ui;

import javafx.application.Application;

/**
 * Starts the desktop workbench. A plain main, not an {@link Application} subclass, so the app also starts from the
 * classpath ({@code java -jar}) and from a jpackage launcher. {@code --home=DIR} picks another PoolLab home.
 */
public final class WorkbenchMain {

    private WorkbenchMain() {
    }

    public static void main(String[] args) {
        WorkbenchApp.openEarly(args);
        Application.launch(WorkbenchApp.class, args);
    }
}
