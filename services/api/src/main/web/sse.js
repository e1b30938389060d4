// Server-sent events over fetch: EventSource cannot send an Authorization header, and a token never goes
// into a URL. This reads text/event-stream as the HTML standard parses it (event, data, id; comments skipped).
'use strict';
window.KoersSse = (function () {

  /** Feeds text chunks; calls onEvent({event, data, id}) for every complete event. */
  function parser(onEvent) {
    let buffer = '';
    let event = '';
    let data = [];
    let id = null;
    function line(text) {
      if (text === '') {
        if (data.length > 0) {
          onEvent({ event: event || 'message', data: data.join('\n'), id: id });
        }
        event = '';
        data = [];
        return;
      }
      if (text.charAt(0) === ':') {
        return; // a comment, such as the server's keep-alive
      }
      const colon = text.indexOf(':');
      const field = colon < 0 ? text : text.slice(0, colon);
      let value = colon < 0 ? '' : text.slice(colon + 1);
      if (value.charAt(0) === ' ') {
        value = value.slice(1);
      }
      if (field === 'event') {
        event = value;
      } else if (field === 'data') {
        data.push(value);
      } else if (field === 'id') {
        id = value;
      }
    }
    let skipLineFeed = false; // a CR ended the last line: a LF right after it belongs to that line end
    return function feed(chunk) {
      buffer += chunk;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer.charAt(i);
        if (skipLineFeed) {
          skipLineFeed = false;
          if (c === '\n') {
            start = i + 1;
            continue;
          }
        }
        if (c === '\r' || c === '\n') {
          line(buffer.slice(start, i));
          start = i + 1;
          skipLineFeed = c === '\r';
        }
      }
      buffer = buffer.slice(start);
    };
  }

  /**
   * Opens the stream with the token in the Authorization header. Resolves when it ends; rejects with
   * {status} when the server refuses it, so the caller can ask for another token.
   */
  async function open(url, token, handlers, signal) {
    const response = await fetch(url, {
      headers: { 'Authorization': 'Bearer ' + token, 'Accept': 'text/event-stream' },
      cache: 'no-store',
      signal: signal
    });
    if (!response.ok) {
      const error = new Error('the stream answered ' + response.status);
      error.status = response.status;
      throw error;
    }
    handlers.onOpen && handlers.onOpen();
    const feed = parser(handlers.onEvent);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      feed(value);
    }
  }

  return { parser: parser, open: open };
})();
