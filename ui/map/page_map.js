// A folium map drawn in the app's page (st.components.v2), from the script streamlit-folium generates.
//
// streamlit-folium draws in an iframe that loads its own 225 KB React bundle, then Leaflet, then runs the
// script: on a fresh load the polygons came 1,3 s after the page had finished (issue 17). Here the same script
// runs in a shadow root of the page: Leaflet and its stylesheet load once per page, nothing else. Streamlit
// calls this function again with the same root whenever the data changes: a new base script starts a fresh
// map, a new feature group only swaps the layer, which keeps the centre and zoom as st_folium did.

const loaded = new Map(); // URL → Promise, for the whole page: Leaflet is loaded once, whatever the maps

function loadOnce(url, make) {
    if (!loaded.has(url)) {
        loaded.set(
            url,
            new Promise((resolve, reject) => {
                const element = make();
                element.onload = resolve;
                element.onerror = () => reject(new Error(`the map could not load ${url}`));
                document.head.append(element);
            }),
        );
    }
    return loaded.get(url);
}

function script(url) {
    return loadOnce(url, () => Object.assign(document.createElement("script"), { src: url, async: false }));
}

// Fetched beside the scripts; the shadow root's own <link> then finds it in the browser's cache.
function preload(url) {
    const link = () => Object.assign(document.createElement("link"), { rel: "preload", as: "style", href: url });
    return loadOnce(url, link);
}

function stylesheet(url) {
    const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: url });
    link.ready = new Promise((resolve) => {
        link.onload = link.onerror = resolve;
    });
    return link;
}

// folium's scripts as functions: `L.map("map_div", …)` looks the id up in the document, so `L` hands it the
// map's element instead; `window` is the map's own scope, so two maps never share a layer list.
function compiled(code, ...names) {
    return new Function("L", "window", ...names, code);
}

function removeMap(root) {
    root.ucjView?.resize.disconnect();
    root.ucjView?.map.remove();
    root.ucjView = undefined;
}

async function newMap(root, data) {
    removeMap(root);
    const links = data.css_links.map(stylesheet);
    const head = document.createElement("div");
    head.hidden = true;
    head.innerHTML = data.header + data.html; // folium's styles, scoped to this root; its <script>s stay inert
    const box = Object.assign(document.createElement("div"), { className: "ucj-map" });
    box.style.cssText = `width:100%;height:${data.height}px`;
    root.replaceChildren(...links, head, box);
    await Promise.all(links.map((link) => link.ready));
    const L = Object.create(window.L, { map: { value: (_id, options) => window.L.map(box, options) } });
    const scope = { feature_group: [] };
    const map = compiled(`${data.script}\nreturn map_div;`)(L, scope);
    box.ucjMap = map; // the browser tests read the view from it
    // The page, not the window, sets the map's width (the sidebar, a column): Leaflet is told each change.
    const resize = new ResizeObserver(() => map.invalidateSize());
    resize.observe(box);
    return { script: data.script, layer: null, map, L, scope, resize };
}

function swapLayer(view, data) {
    for (const layer of view.scope.feature_group) view.map.removeLayer(layer);
    view.scope.feature_group = [];
    if (data.feature_group) compiled(data.feature_group, "map_div")(view.L, view.scope, view.map);
    view.layer = data.feature_group;
}

// Every area drawn so far, from the base script or a layer, reports its kode when clicked.
function reportClicks(map, setTriggerValue) {
    map.eachLayer((layer) => {
        if (layer.feature && !layer.ucjClick) {
            layer.ucjClick = true;
            layer.on("click", () => setTriggerValue("clicked", layer.feature.properties.kode));
        }
    });
}

async function draw(root, data, setTriggerValue) {
    await Promise.all([...data.css_links.map(preload), ...data.js_links.map(script)]);
    if (root.ucjView?.script !== data.script) root.ucjView = await newMap(root, data);
    if (root.ucjView.layer !== data.feature_group) swapLayer(root.ucjView, data);
    if (data.clickable) reportClicks(root.ucjView.map, setTriggerValue);
}

export default function ({ data, parentElement, setTriggerValue }) {
    // One drawing at a time on a root: new data arriving while Leaflet loads waits for the map it changes.
    parentElement.ucjDrawn = (parentElement.ucjDrawn ?? Promise.resolve())
        .then(() => draw(parentElement, data, setTriggerValue))
        .catch((error) => {
            console.error(error);
            parentElement.replaceChildren(Object.assign(document.createElement("p"), { textContent: data.failed }));
        });
    // Streamlit also calls this when new data overtook a call still loading: the map goes only with the page.
    return () =>
        setTimeout(() => {
            if (!(parentElement.host ?? parentElement).isConnected) removeMap(parentElement);
        });
}
