// A static file server on localhost, for `npm run demo` (dist-demo/) and the browser tests.
// Serves files only below its root, on 127.0.0.1, with the right content types.
const fs = require("fs");
const http = require("http");
const path = require("path");

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".png": "image/png", ".xml": "application/xml", ".txt": "text/plain" };

function serve(root, port = 0) {
  const base = path.resolve(root);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, "http://localhost");
    const file = path.resolve(base, "." + decodeURIComponent(url.pathname === "/" ? "/demo.html" : url.pathname));
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { "Content-Type": "text/plain" });
      response.end("Not found");
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

module.exports = { serve };

if (require.main === module) {
  const port = Number(process.env.PORT || 3001);
  serve(path.join(__dirname, "..", "dist-demo"), port).then(() => {
    console.log(`Demo of the task pane without Excel: http://localhost:${port}/demo.html  (Ctrl+C stops)`);
  });
}
