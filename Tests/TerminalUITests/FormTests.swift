import Testing
@testable import TerminalUI

@Suite struct FormTests {
    private func makeForm() -> FormState {
        FormState(fields: [
            FormField("Name", isRequired: true),
            FormField("Followers", kind: .number),
            FormField("Fee", kind: .money),
            FormField("Due", kind: .date),
            FormField("Platform", kind: .choice(["Instagram", "TikTok", "YouTube"])),
            FormField("Active", kind: .toggle),
        ])
    }

    @Test func focusMovesWithTabShiftTabAndArrowsAndWraps() {
        var form = makeForm()
        form.handle(.key(KeyEvent(.tab)))
        #expect(form.focus == 1)
        form.handle(.key(KeyEvent(.down)))
        #expect(form.focus == 2)
        form.handle(.key(KeyEvent(.backTab)))
        form.handle(.key(KeyEvent(.up)))
        #expect(form.focus == 0)
        form.handle(.key(KeyEvent(.up)))
        #expect(form.focus == 5)
    }

    @Test func leavingAFieldValidatesIt() {
        var form = makeForm()
        form.handle(.key(KeyEvent(.tab)))
        #expect(form.fields[0].error == "Required: enter a value.")
        for character in "12k" { form.handle(.key(.char(character))) }
        form.handle(.key(KeyEvent(.tab)))
        #expect(form.fields[1].error == "Enter a whole number, e.g. 12000.")
    }

    @Test(arguments: [
        (FormFieldKind.money, "1250", true), (.money, "1250.5", true), (.money, "1250.50", true),
        (.money, "12.505", false), (.money, "abc", false), (.money, "-3", true),
        (.date, "2024-02-29", true), (.date, "2023-02-29", false), (.date, "2025-13-01", false),
        (.date, "2025-1-01", false), (.number, "-42", true), (.number, "4.2", false), (.text, "anything", true),
    ])
    func kindValidation(kind: FormFieldKind, value: String, valid: Bool) {
        #expect((FormValidation.message(for: value, kind: kind, isRequired: false) == nil) == valid)
    }

    @Test func choiceCyclesAndToggleFlips() {
        var form = makeForm()
        form.moveFocus(by: 4)
        form.handle(.key(KeyEvent(.right)))
        form.handle(.key(.char(" ")))
        #expect(form.fields[4].value == "YouTube")
        form.handle(.key(KeyEvent(.right)))
        #expect(form.fields[4].value == "Instagram")
        form.handle(.key(KeyEvent(.left)))
        #expect(form.fields[4].value == "YouTube")
        form.handle(.key(KeyEvent(.tab)))
        form.handle(.key(.char(" ")))
        #expect(form.fields[5].value == "true")
    }

    @Test func validateAllFocusesFirstInvalidAndCustomValidatorRuns() {
        var form = FormState(fields: [
            FormField("Handle", value: "ok"),
            FormField("Email", value: "nope", validator: { $0.contains("@") ? nil : "Enter an email address." }),
        ])
        let valid = form.validate()
        #expect(!valid)
        #expect(form.focus == 1)
        #expect(form.fields[1].error == "Enter an email address.")
        #expect(form.values["Handle"] == "ok")
    }

    @Test func valuesAreReadByKeySoRewordingALabelKeepsThem() {
        var form = FormState(fields: [
            FormField("Handle", key: "creator.handle", value: "@liga.skin"),
            FormField("Notes"),
        ])
        form.fields[0].label = "Handle or URL"
        #expect(form.values["creator.handle"] == "@liga.skin")
        #expect(form["creator.handle"]?.label == "Handle or URL")
        #expect(form.values["Handle"] == nil && form.values["Handle or URL"] == nil, "the label is only what the screen shows")
        #expect(form.values["Notes"] == "", "without a key, the label is the key")
    }

    @Test func rendersLabelsValuesAndErrors() {
        var form = makeForm()
        form.fields[0].input.setText("Anna")
        form.fields[2].input.setText("12.345")
        form.fields[2].validate()
        var buffer = Buffer(width: 40, height: 12)
        Form().render(into: &buffer, area: buffer.area, state: &form)
        #expect(buffer.lines()[0] == "›Name      Anna                         ")
        #expect(buffer.lines()[2] == " Fee       12.345                       ")
        #expect(buffer.lines()[3] == "           ⚠ Enter an amount like 1250 …")
        #expect(buffer.lines()[5] == " Platform    Instagram                  ")
        #expect(buffer.lines()[6] == " Active    [ ]                          ")
        #expect(buffer.cursor == Point(x: 15, y: 0))
    }

    @Test func typingAFixClearsTheMessageAtOnce() {
        var form = FormState(fields: [FormField("Summary", isRequired: true), FormField("Note")])
        form.moveFocus(by: 1)
        #expect(form.fields[0].error == "Required: enter a value.")
        form.moveFocus(by: -1)
        form.handle(.key(.char("x")))
        #expect(form.fields[0].error == nil, "the stale message goes as the field becomes valid")
    }

    @Test func aChoiceTakesTheFirstLetterOfAnOption() {
        var form = FormState(fields: [FormField("Then", kind: .choice(["keep", "done", "replace"]), value: "keep")])
        form.handle(.key(.char("r")))
        #expect(form.values["Then"] == "replace")
        form.handle(.key(.char("D")))
        #expect(form.values["Then"] == "done")
        let used = form.handle(.key(.char("z")))
        #expect(!used, "a letter no option starts with is not used")
    }
}
