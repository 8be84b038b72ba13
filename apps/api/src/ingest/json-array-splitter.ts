enum State {
  Start,
  BeforeValue,
  Value,
  End,
}

/** An element longer than the splitter's limit (the caller answers 413). */
export class ElementTooLong extends Error {
  override readonly name = 'ElementTooLong';
}

/**
 * Splits a JSON array arriving in text chunks into the source text of its elements, so a large
 * array is parsed one element at a time instead of whole. Tracks only strings and nesting depth;
 * each element's text is then checked by JSON.parse. Linear: each character is looked at once, an
 * element split over chunks is joined once; an element over `maxElementChars` throws ElementTooLong.
 */
export class JsonArraySplitter {
  private state = State.Start;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private afterComma = false;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(private readonly maxElementChars = Number.POSITIVE_INFINITY) {}

  /** Feeds a chunk; appends every element completed by it to `out`. Throws SyntaxError. */
  push(chunk: string, out: string[]): void {
    let start = this.state === State.Value ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === 92) this.escaped = true;
        else if (ch === 34) this.inString = false;
        continue;
      }
      switch (this.state) {
        case State.Start:
          if (isSpace(ch) || ch === 0xfeff) continue;
          if (ch !== 91) throw new SyntaxError('the body is not a JSON array');
          this.state = State.BeforeValue;
          continue;
        case State.BeforeValue:
          if (isSpace(ch)) continue;
          if (ch === 93 && !this.afterComma) {
            this.state = State.End;
            continue;
          }
          if (ch === 44 || ch === 93) throw new SyntaxError('the JSON array has an empty element');
          this.state = State.Value;
          this.depth = 0;
          start = i;
          i--; // read this character again as part of the value
          continue;
        case State.Value:
          if (ch === 34) this.inString = true;
          else if (ch === 123 || ch === 91) this.depth++;
          else if ((ch === 125 || ch === 93) && this.depth > 0) this.depth--;
          else if (this.depth === 0 && (ch === 44 || ch === 93)) {
            if (this.pendingLength + (i - start) > this.maxElementChars) throw new ElementTooLong();
            const last = chunk.slice(start, i);
            out.push(this.pending.length > 0 ? this.pending.join('') + last : last);
            this.pending = [];
            this.pendingLength = 0;
            this.afterComma = ch === 44;
            this.state = ch === 44 ? State.BeforeValue : State.End;
          }
          continue;
        case State.End:
          if (isSpace(ch)) continue;
          throw new SyntaxError('there is text after the end of the JSON array');
      }
    }
    if (this.state === State.Value) {
      this.pending.push(chunk.slice(start));
      this.pendingLength += chunk.length - start;
      if (this.pendingLength > this.maxElementChars) throw new ElementTooLong();
    }
  }

  /** The body ended: throws unless the array was closed. */
  end(): void {
    if (this.state === State.Start) throw new SyntaxError('the body is empty');
    if (this.state !== State.End) throw new SyntaxError('the JSON array is not closed');
  }
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 10 || ch === 13 || ch === 9;
}
