package io.poollab.ui.connections;

import io.poollab.config.ConnectionForm;
import io.poollab.config.DbKind;
import io.poollab.config.SavedProfile;
import io.poollab.config.SimulatedNetwork;
import io.poollab.db.ConnectionTester;
import io.poollab.text.Units;
import io.poollab.ui.Converters;
import io.poollab.ui.Fxml;
import io.poollab.ui.Workbench;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** The connection editor: saved profiles on the left, the selected one's form, its URL and Test connection. */
public final class ConnectionsView {

    private static final Map<String, String> SOURCES = new LinkedHashMap<>();

    static {
        SOURCES.put("prompt", "ask when connecting");
        SOURCES.put("env", "environment variable");
        SOURCES.put("pgpass", "~/.pgpass (PostgreSQL)");
        SOURCES.put("none", "none (trust, H2)");
        SOURCES.put("keyring", "OS keyring");
    }

    private final ConnectionsViewModel model;
    private final Parent root;
    private final ValidationSupport validation = new ValidationSupport();

    @FXML private Button duplicateButton;
    @FXML private Button deleteButton;
    @FXML private ListView<SavedProfile> profileList;
    @FXML private Label listingProblems;
    @FXML private Label readOnlyNote;
    @FXML private GridPane form;
    @FXML private TextField name;
    @FXML private ChoiceBox<DbKind> dialect;
    @FXML private Label hostLabel;
    @FXML private TextField host;
    @FXML private TextField port;
    @FXML private Label databaseLabel;
    @FXML private TextField database;
    @FXML private TextField user;
    @FXML private ChoiceBox<String> passwordSource;
    @FXML private TextField envVar;
    @FXML private TextField keyringAccount;
    @FXML private Label passwordHint;
    @FXML private Label tlsHint;
    @FXML private ChoiceBox<String> sslmode;
    @FXML private ChoiceBox<Boolean> encrypt;
    @FXML private ChoiceBox<Boolean> trust;
    @FXML private TextField latency;
    @FXML private TextField jitter;
    @FXML private TextField bandwidth;
    @FXML private Label networkHint;
    @FXML private TextField jdbcUrl;
    @FXML private Label rawUrlNote;
    @FXML private TextArea driverProperties;
    @FXML private Button saveButton;
    @FXML private Button testButton;
    @FXML private PasswordField testPassword;
    @FXML private ProgressIndicator testing;
    @FXML private Label message;
    @FXML private VBox testResultBox;
    @FXML private Label testTitle;
    @FXML private GridPane testGrid;
    @FXML private Label testError;

    public ConnectionsView(ConnectionsViewModel model, Workbench workbench) {
        this.model = model;
        this.root = Fxml.load(ConnectionsView.class, "ConnectionsView.fxml", this);
        model.refresh();
        model.probeKeyring();
    }

    public Parent root() {
        return root;
    }

    public ConnectionsViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        profileList.setItems(model.profiles());
        profileList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SavedProfile p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name() + (p.builtIn() ? "  (built-in)" : ""));
            }
        });
        profileList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> {
            if (now == null) {
                profileList.getSelectionModel().clearSelection();
            } else if (profileList.getSelectionModel().getSelectedItem() != now) {
                profileList.getSelectionModel().select(now);
            }
        });
        model.listingProblems().addListener((ListChangeListener<String>) c ->
                listingProblems.setText(String.join("\n", model.listingProblems())));
        bindForm();
        bindTest();
        decorate();
    }

    private void bindForm() {
        name.textProperty().bindBidirectional(model.form().nameProperty());
        dialect.getItems().setAll(DbKind.values());
        dialect.setConverter(Converters.showing(d -> switch (d) {
            case POSTGRESQL -> "PostgreSQL";
            case SQLSERVER -> "SQL Server";
            case H2 -> "H2";
        }));
        dialect.valueProperty().bindBidirectional(model.form().dialectProperty());
        host.textProperty().bindBidirectional(model.form().hostProperty());
        port.textProperty().bindBidirectional(model.form().portProperty());
        database.textProperty().bindBidirectional(model.form().databaseProperty());
        user.textProperty().bindBidirectional(model.form().userProperty());
        // The keyring (last) is offered once the probe has found one: added, never removed, so no selection is lost.
        passwordSource.getItems().setAll(SOURCES.keySet().stream().filter(k -> !k.equals("keyring")).toList());
        model.keyringAvailableProperty().addListener((o, was, now) -> {
            if (now && !passwordSource.getItems().contains("keyring")) {
                passwordSource.getItems().add("keyring");
            }
        });
        passwordSource.setConverter(Converters.showing(SOURCES::get));
        passwordSource.valueProperty().bindBidirectional(model.form().passwordSourceProperty());
        envVar.textProperty().bindBidirectional(model.form().envVarProperty());
        keyringAccount.textProperty().bindBidirectional(model.form().keyringAccountProperty());
        envVar.visibleProperty().bind(model.form().passwordSourceProperty().isEqualTo("env"));
        envVar.managedProperty().bind(envVar.visibleProperty());
        keyringAccount.visibleProperty().bind(model.form().passwordSourceProperty().isEqualTo("keyring"));
        keyringAccount.managedProperty().bind(keyringAccount.visibleProperty());
        tlsHint.textProperty().bind(model.form().tlsProperty());
        model.form().tlsWarningProperty().addListener((o, was, warn) -> {
            tlsHint.getStyleClass().removeAll("muted", "inline-error");
            tlsHint.getStyleClass().add(warn ? "inline-error" : "muted");
        });
        passwordHint.textProperty().bind(Bindings.createStringBinding(() -> hint(model.form().passwordSourceProperty().get()),
                model.form().passwordSourceProperty()));
        List<String> modes = new ArrayList<>();
        modes.add(null);
        modes.addAll(ConnectionForm.SSL_MODES);
        sslmode.getItems().setAll(modes);
        sslmode.setConverter(Converters.showing(m -> m == null ? "sslmode: driver default (prefer)" : "sslmode=" + m));
        sslmode.valueProperty().bindBidirectional(model.form().sslmodeProperty());
        encrypt.getItems().setAll(null, true, false);
        encrypt.setConverter(Converters.showing(v -> v == null ? "encrypt: default (true)" : "encrypt=" + v));
        encrypt.valueProperty().bindBidirectional(model.form().encryptProperty());
        trust.getItems().setAll(null, true, false);
        trust.setConverter(Converters.showing(v -> v == null ? "trustServerCertificate: default (false)"
                : "trustServerCertificate=" + v));
        trust.valueProperty().bindBidirectional(model.form().trustServerCertificateProperty());
        var postgres = model.form().dialectProperty().isEqualTo(DbKind.POSTGRESQL);
        var sqlServer = model.form().dialectProperty().isEqualTo(DbKind.SQLSERVER);
        sslmode.visibleProperty().bind(postgres);
        sslmode.managedProperty().bind(postgres);
        encrypt.visibleProperty().bind(sqlServer);
        encrypt.managedProperty().bind(sqlServer);
        trust.visibleProperty().bind(sqlServer);
        trust.managedProperty().bind(sqlServer);
        databaseLabel.textProperty().bind(Bindings.when(model.form().dialectProperty().isEqualTo(DbKind.H2))
                .then("File or mem:NAME").otherwise("Database name"));
        latency.textProperty().bindBidirectional(model.form().latencyProperty());
        jitter.textProperty().bindBidirectional(model.form().jitterProperty());
        bandwidth.textProperty().bindBidirectional(model.form().bandwidthProperty());
        networkHint.textProperty().bind(model.form().networkSummaryProperty());
        model.form().networkSummaryProperty().addListener((o, was, now) -> networkHint.getStyleClass().setAll("label",
                List.of("latencyMs", "jitterMs", "bandwidthMbps").stream()
                        .anyMatch(model.form().fieldProblems()::containsKey) ? "inline-error" : "muted"));
        jdbcUrl.textProperty().bindBidirectional(model.form().jdbcUrlProperty());
        driverProperties.textProperty().bindBidirectional(model.form().driverPropertiesProperty());
        rawUrlNote.visibleProperty().bind(model.form().rawUrlProperty());
        rawUrlNote.managedProperty().bind(model.form().rawUrlProperty());
        for (Control c : List.of(dialect, host, port, database, sslmode, encrypt, trust)) {
            c.disableProperty().bind(model.form().rawUrlProperty().or(model.form().readOnlyProperty()));
        }
        for (Control c : List.of(name, user, passwordSource, envVar, keyringAccount, latency, jitter, bandwidth, jdbcUrl,
                driverProperties)) {
            c.disableProperty().bind(model.form().readOnlyProperty());
        }
        readOnlyNote.visibleProperty().bind(model.form().readOnlyProperty());
        readOnlyNote.managedProperty().bind(model.form().readOnlyProperty());
        saveButton.disableProperty().bind(model.form().readOnlyProperty());
        deleteButton.disableProperty().bind(model.form().readOnlyProperty().or(model.selectedProperty().isNull()));
        message.textProperty().bind(model.messageProperty());
    }

    private static String hint(String source) {
        return switch (source == null ? "" : source) {
            case "prompt" -> "PoolLab asks when a run starts and keeps the password in memory only.";
            case "env" -> "Read from the variable when a connection opens; saved as ${env:NAME}.";
            case "pgpass" -> "pgjdbc reads ~/.pgpass (or PGPASSFILE) itself; PoolLab passes no password.";
            case "keyring" -> "Read from the OS keyring (service poollab) when a connection opens.";
            default -> "No password is sent.";
        };
    }

    private void bindTest() {
        testPassword.textProperty().bindBidirectional(model.testPasswordProperty());
        testPassword.visibleProperty().bind(model.form().passwordSourceProperty().isEqualTo("prompt"));
        testPassword.managedProperty().bind(testPassword.visibleProperty());
        testing.visibleProperty().bind(model.testingProperty());
        testButton.disableProperty().bind(model.testingProperty());
        testResultBox.setVisible(false);
        testResultBox.setManaged(false);
        model.testResultProperty().addListener((o, was, now) -> showResult(now));
    }

    private void showResult(ConnectionTester.Result result) {
        testResultBox.setVisible(result != null);
        testResultBox.setManaged(result != null);
        testGrid.getChildren().clear();
        testError.setText("");
        testResultBox.getChildren().removeIf(n -> n instanceof Hyperlink);
        if (result instanceof ConnectionTester.Success ok) {
            testTitle.setText("Connected: " + ok.product() + " " + ok.version());
            testTitle.getStyleClass().setAll("label", "section-title", "test-ok");
            int row = 0;
            row(row++, "server version", ok.product() + " " + ok.version());
            row(row++, "max_connections", ok.maxConnections() < 0 ? "no limit reported" : String.valueOf(ok.maxConnections()));
            row(row++, "sessions now", ok.currentSessions() < 0 ? "not visible" : ok.currentSessions() + " (this one included)");
            SimulatedNetwork network = model.testedNetworkProperty().get();
            row(row++, "round trip (RTT)", Units.latency(ok.roundTripMs()) + ", median of 10 SELECT 1"
                    + (network.isOn() ? ", through the latency proxy (+" + 2 * network.latencyMs() + " ms)" : ""));
            row(row++, "connect time", Units.latency(ok.connectMs()) + ", login included");
            row(row, "TLS", switch (ok.tls()) {
                case ON -> "in use";
                case OFF -> "not in use";
                case NOT_APPLICABLE -> "not applicable (embedded)";
            });
        } else if (result instanceof ConnectionTester.Failure failure) {
            testTitle.setText("Connection failed");
            testTitle.getStyleClass().setAll("label", "section-title", "inline-error");
            testError.setText(failure.message());
            Hyperlink details = new Hyperlink("Details…");
            details.setOnAction(e -> showDetails(failure));
            testResultBox.getChildren().add(details);
        }
    }

    private void row(int row, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("muted");
        Label v = new Label(value);
        v.getStyleClass().add("test-result");
        testGrid.addRow(row, k, v);
    }

    private void showDetails(ConnectionTester.Failure failure) {
        TextArea text = new TextArea(failure.detail());
        text.setEditable(false);
        text.setWrapText(true);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.CLOSE);
        alert.setTitle("Connection failure details");
        alert.setHeaderText(failure.message());
        alert.getDialogPane().setContent(text);
        alert.initOwner(root.getScene().getWindow());
        alert.showAndWait();
    }

    /** ControlsFX decorations from the view model's field problems, which hold the one truth about validity. */
    private void decorate() {
        Map<String, Control> fields = Map.ofEntries(Map.entry("name", name), Map.entry("host", host),
                Map.entry("port", port), Map.entry("database", database), Map.entry("password", envVar),
                Map.entry("keyring", keyringAccount), Map.entry("jdbcUrl", jdbcUrl),
                Map.entry("properties", driverProperties), Map.entry("sslmode", sslmode),
                Map.entry("latencyMs", latency), Map.entry("jitterMs", jitter), Map.entry("bandwidthMbps", bandwidth));
        fields.forEach((field, control) -> validation.registerValidator(control, false, (Control c, Object v) ->
                ValidationResult.fromErrorIf(c, field + " " + model.form().fieldProblems().getOrDefault(field, ""),
                        model.form().fieldProblems().containsKey(field))));
        model.form().fieldProblems().addListener((MapChangeListener<String, String>) c -> validation.revalidate());
    }

    @FXML
    private void newProfile() {
        model.newProfile();
        name.requestFocus();
    }

    @FXML
    private void duplicate() {
        model.duplicate();
    }

    @FXML
    private void delete() {
        SavedProfile selected = model.selectedProperty().get();
        if (selected == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Delete the profile " + selected.name() + "?");
        confirm.setHeaderText(null);
        confirm.initOwner(root.getScene().getWindow());
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.delete());
    }

    @FXML
    private void save() {
        model.save();
    }

    @FXML
    private void test() {
        model.test();
    }
}
