// bench/fma-loop-view-check: the generated fma_array (Vs) and its loop-shaped view (Vl) driven with the same
// random inputs (in_valid, in_last, x, w; reset for 2 cycles); every output compared in every cycle.
// usage: cmp CYCLES ROWS COLS; exit status 1 and the cycle on the first difference.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cstdint>
#include "verilated.h"
#include "Vs.h"
#include "Vl.h"
template <class T> void fill(T& f, int bytes, uint64_t& s) {
  unsigned char b[sizeof(T)]; memset(b, 0, sizeof b);
  for (int i = 0; i < bytes; i++) { s = s * 6364136223846793005ULL + 1442695040888963407ULL; b[i] = (unsigned char)(s >> 40); }
  memcpy((void*)&f, b, sizeof b);
}
int main(int argc, char** argv) {
  long n = atol(argv[1]); int R = atoi(argv[2]), C = atoi(argv[3]);
  VerilatedContext* ctx = new VerilatedContext; ctx->randReset(0);
  Vs* a = new Vs(ctx); Vl* b = new Vl(ctx);
  uint64_t s = 7; long outs = 0;
  for (long c = 0; c < n; c++) {
    int rst = c < 2;
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    int v = (s >> 33) % 8 != 0, l = (s >> 40) % 13 == 0;
    a->rst = b->rst = rst; a->in_valid = b->in_valid = v; a->in_last = b->in_last = l;
    uint64_t s2 = s; fill(a->x, R, s2); s2 = s; fill(b->x, R, s2);
    s2 = s ^ 99; fill(a->w, C, s2); s2 = s ^ 99; fill(b->w, C, s2);
    a->clk = b->clk = 0; a->eval(); b->eval();
    if (a->in_ready != b->in_ready || a->out_valid != b->out_valid || a->out_last != b->out_last
        || memcmp((void*)&a->out, (void*)&b->out, sizeof a->out)) {
      printf("MISMATCH at cycle %ld: ready %d/%d valid %d/%d last %d/%d\n", c, a->in_ready, b->in_ready,
             a->out_valid, b->out_valid, a->out_last, b->out_last);
      return 1;
    }
    outs += a->out_valid;
    a->clk = b->clk = 1; a->eval(); b->eval();
  }
  printf("equal for %ld cycles, %ld outputs valid\n", n, outs);
  return 0;
}
