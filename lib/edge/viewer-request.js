// calpub: CloudFront viewer-request function (runtime cloudfront-js-2.0), run on every request to the
// default behaviour, and by `calpub emulate` from the synthesized template.
//
// S3 has no folders: the page `/event/my-talk/` is the object `event/my-talk/index.html`, and
// CloudFront's default root object covers `/` only. So:
//   /x/  -> /x/index.html (same URL for the visitor)
//   /x   -> 301 to /x/ (no extension: a page's URL without its slash; one URL per page, and the
//           page's relative links resolve against the folder), query string kept
//   anything with an extension in its last segment (/calendar.ics, /event/a.ics) is left alone.
// A path that starts with `//` (or `/\`) is read as one `/`: a browser takes `//evil.example/x` in a
// Location header as another host, so the redirect must never echo it (an open redirect).
async function handler(event) {
  var request = event.request;
  var uri = '/' + request.uri.replace(/^[/\\]+/, '');
  request.uri = uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
    return request;
  }
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') !== -1) return request;
  return {
    statusCode: 301,
    statusDescription: 'Moved Permanently',
    headers: {
      location: { value: uri + '/' + queryString(request.querystring) },
      'cache-control': { value: 'public, max-age=86400' },
    },
  };
}

// The query string as the viewer sent it (names and values stay URL-encoded), with its `?`.
function queryString(querystring) {
  var pairs = [];
  for (var name in querystring) {
    var entry = querystring[name];
    var values = entry.multiValue ? entry.multiValue : [entry];
    for (var i = 0; i < values.length; i++) pairs.push(values[i].value === '' ? name : name + '=' + values[i].value);
  }
  return pairs.length ? '?' + pairs.join('&') : '';
}
