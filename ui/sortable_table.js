// A read-only table, sorted by a click on a column's heading (ucj/sortable_table.py gives its text and keys).
//
// An HTML table in the page's own component, instead of st.dataframe's canvas grid and its 1,5 MB of scripts
// (issue 17). A heading is a button: ascending, descending, then the table's own order again, as in
// st.dataframe. Missing figures stay last whichever way. The sort outlives new data with the same columns
// (a filter change), as a viewer expects; cells are written as text, never as HTML.

const collator = new Intl.Collator("id", { numeric: true, sensitivity: "base" });
const NEXT = { none: "ascending", ascending: "descending", descending: "none" };

function compare(a, b) {
    return typeof a === "number" && typeof b === "number" ? a - b : collator.compare(String(a), String(b));
}

function order(data, sort) {
    const rows = data.rows.map((_, index) => index);
    if (sort.direction === "none") return rows;
    const sign = sort.direction === "ascending" ? 1 : -1;
    return rows.sort((i, j) => {
        const a = data.keys[i][sort.column];
        const b = data.keys[j][sort.column];
        if (a === null || b === null) return (a === null) - (b === null) || i - j;
        return sign * compare(a, b) || i - j;
    });
}

function cell(tag, text, numeric) {
    const element = document.createElement(tag);
    element.textContent = text;
    if (numeric) element.className = "num";
    return element;
}

function heading(root, data, column, index) {
    const direction = root.ucjSort.column === index ? root.ucjSort.direction : "none";
    const th = cell("th", "", column.numeric);
    th.scope = "col";
    th.setAttribute("aria-sort", direction);
    const button = Object.assign(document.createElement("button"), { type: "button", textContent: column.name });
    button.dataset.column = index;
    button.addEventListener("click", () => {
        root.ucjSort = { column: index, direction: root.ucjSort.column === index ? NEXT[direction] : "ascending" };
        render(root, data);
        root.querySelector(`button[data-column="${index}"]`).focus();
    });
    th.append(button);
    return th;
}

function render(root, data) {
    const table = document.createElement("table");
    if (data.caption) table.createCaption().textContent = data.caption;
    const head = table.createTHead().insertRow();
    head.append(...data.columns.map((column, index) => heading(root, data, column, index)));
    const body = table.createTBody();
    for (const row of order(data, root.ucjSort)) {
        body.insertRow().append(...data.rows[row].map((text, index) => cell("td", text, data.columns[index].numeric)));
    }
    // Streamlit's <style> for the component is a child of the root too: only the table's own box is redrawn.
    root.ucjBox ??= root.appendChild(Object.assign(document.createElement("div"), { className: "ucj-table" }));
    const box = root.ucjBox;
    box.tabIndex = 0;
    box.style.maxHeight = `${data.max_height}px`;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", data.caption || data.columns.map((column) => column.name).join(", "));
    box.replaceChildren(table);
}

export default function ({ data, parentElement }) {
    const columns = JSON.stringify(data.columns);
    if (parentElement.ucjColumns !== columns) parentElement.ucjSort = { column: -1, direction: "none" };
    parentElement.ucjColumns = columns;
    render(parentElement, data);
}
