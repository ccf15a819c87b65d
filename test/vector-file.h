// Reader of the test-vector files in test/vectors/: blocks of "key = value" lines separated by
// blank lines, '#' comments.
#ifndef LTESEC_TEST_VECTOR_FILE_H
#define LTESEC_TEST_VECTOR_FILE_H

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace ltesec_test
{

struct Vector
{
    std::string file;
    std::map<std::string, std::string> f;

    const std::string& operator[](const std::string& k) const
    {
        auto it = f.find(k);
        if (it == f.end())
        {
            throw std::runtime_error(file + ": vector '" + Name() + "' has no field '" + k + "'");
        }
        return it->second;
    }

    std::string Name() const
    {
        auto it = f.find("name");
        return it == f.end() ? "?" : it->second;
    }
};

inline std::string
Trim(const std::string& s)
{
    std::size_t b = s.find_first_not_of(" \t\r");
    std::size_t e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

inline std::vector<Vector>
ReadVectors(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
    {
        throw std::runtime_error("cannot open " + path);
    }
    std::vector<Vector> out;
    Vector cur;
    cur.file = path;
    std::string line;
    auto flush = [&]() {
        if (!cur.f.empty())
        {
            out.push_back(cur);
            cur.f.clear();
        }
    };
    while (std::getline(in, line))
    {
        line = Trim(line);
        if (line.empty())
        {
            flush();
            continue;
        }
        if (line[0] == '#')
        {
            continue;
        }
        std::size_t eq = line.find('=');
        if (eq == std::string::npos)
        {
            throw std::runtime_error(path + ": bad line '" + line + "'");
        }
        cur.f[Trim(line.substr(0, eq))] = Trim(line.substr(eq + 1));
    }
    flush();
    return out;
}

/// Every vector of every *.txt file in \p dir, files in name order.
inline std::vector<Vector>
AllVectors(const std::string& dir)
{
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
    {
        if (e.path().extension() == ".txt")
        {
            files.push_back(e.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<Vector> all;
    for (const auto& f : files)
    {
        auto v = ReadVectors(f);
        all.insert(all.end(), v.begin(), v.end());
    }
    return all;
}

} // namespace ltesec_test

#endif
