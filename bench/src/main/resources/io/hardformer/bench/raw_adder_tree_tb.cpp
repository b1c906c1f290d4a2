// Hand-written C++ testbench for AdderTree(width 8, depth 3): the raw rate of the Verilated model,
// doing per cycle what the Hardformer harness does in batch mode (apply 8 inputs, settle, read the
// output, one clock edge), without any pipe to a JVM.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include "VAdderTree.h"
#include "verilated.h"

int main(int argc, char** argv) {
  uint64_t n = argc > 1 ? strtoull(argv[1], nullptr, 10) : 1000000;
  VerilatedContext* ctx = new VerilatedContext;
  VAdderTree* top = new VAdderTree(ctx);
  std::vector<uint8_t> in(n * 8);
  uint64_t s = 88172645463325252ULL;
  for (auto& b : in) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; b = (uint8_t)s; }
  std::vector<uint16_t> out(n);
  top->clk = 0; top->rst = 1; top->eval(); top->clk = 1; top->eval(); top->clk = 0; top->rst = 0; top->eval();
  auto t0 = std::chrono::steady_clock::now();
  for (uint64_t i = 0; i < n; i++) {
    const uint8_t* p = &in[i * 8];
    top->x_0 = p[0]; top->x_1 = p[1]; top->x_2 = p[2]; top->x_3 = p[3];
    top->x_4 = p[4]; top->x_5 = p[5]; top->x_6 = p[6]; top->x_7 = p[7];
    top->eval();
    out[i] = top->sum;
    top->clk = 1; top->eval(); top->clk = 0; top->eval();
  }
  auto t1 = std::chrono::steady_clock::now();
  uint64_t check = 0;
  for (auto v : out) check += v;
  printf("%llu %.6f %llu\n", (unsigned long long)n, std::chrono::duration<double>(t1 - t0).count(),
         (unsigned long long)check);
  top->final();
  delete top;
  delete ctx;
  return 0;
}
